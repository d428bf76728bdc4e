package dev.triggerforge.console.library;

import dev.triggerforge.console.ConsoleContext;
import dev.triggerforge.console.event.ConnectionChanged;
import dev.triggerforge.console.event.ShowView;
import dev.triggerforge.console.event.ViewId;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The Library & deploy screen: the rule library (server versions and local work), version history with diffs,
 * deployment of the working copy, and the local what-if, each on its own tab; server data reloads
 * on (dis)connect and whenever the screen is shown.
 */
public final class LibraryView {

    private final TabPane root = new TabPane();
    private final VersionsPane versions;
    private final HistoryPane history;

    public LibraryView(ConsoleContext context) {
        ServerCalls calls = new ServerCalls(context);
        versions = new VersionsPane(context, calls);
        history = new HistoryPane(calls);
        WhatIfPane whatIf = new WhatIfPane(context);
        DeployPane deploy = new DeployPane(context, calls, this::reload);
        root.setId("library-view");
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.getTabs().addAll(tab("library-tab-versions", "Library", versions.node()),
                tab("library-tab-history", "History", history.node()),
                tab("library-tab-deploy", "Deploy", deploy.node()),
                tab("library-tab-whatif", "What-if", whatIf.node()));
        context.bus().subscribe(ConnectionChanged.class, e -> reload());
        context.bus().subscribe(ShowView.class, e -> {
            if (e.view() == ViewId.LIBRARY) {
                reload();
            }
        });
        reload();
    }

    public Node node() {
        return root;
    }

    private void reload() {
        versions.reload(history::versions);
    }

    private static Tab tab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }
}
