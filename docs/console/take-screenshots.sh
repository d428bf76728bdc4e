#!/usr/bin/env bash
# Takes the screenshots in docs/console.md: the packaged server on its embedded defaults with demo shoppers, the
# console connected to it under Xvfb, one PNG per screen. Needs: xvfb imagemagick xdotool libgtk-3-0 (Debian).
# Run from the repository root after ./mvnw -B -q install -DskipTests.
set -euo pipefail
out=${1:-docs/console}
work=$(mktemp -d)
token=screenshots-admin-token
port=18080
./mvnw -o -q -pl desktop-console dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="desktop-console/target/classes:$(cat "$work/cp.txt")"

java -Xmx1g -Dtriggerforge.data-dir="$work/server" -Dquarkus.http.port=$port -Dtriggerforge.broker.port=15682 \
  -Dtriggerforge.security.bootstrap-token=$token -Dtriggerforge.demo.enabled=true \
  -Dtriggerforge.optimization.period=PT1M -Dtriggerforge.optimization.reward-window=PT2M \
  -jar server/target/quarkus-app/quarkus-run.jar >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server ${xvfb:-} ${console:-} 2>/dev/null || true' EXIT
until curl -sf localhost:$port/q/health/ready >/dev/null; do sleep 1; done

# an adaptive subject-line test on the abandoned cart, so Experiments and Optimization have something to show
python3 - "$port" "$token" <<'PY'
import json, sys, urllib.request
port, token = sys.argv[1], sys.argv[2]
def call(method, path, body=None):
    request = urllib.request.Request(f"http://localhost:{port}{path}", method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))
rules = call("GET", "/api/rulesets/1")["ruleSet"]
for trigger in rules["triggers"]:
    if trigger["id"] == "cart-abandonment":
        trigger.update(experiment="cart-subject-2026", allocation="adaptive", variants=[
            {"id": "a", "weight": 50},
            {"id": "b", "weight": 50, "parameters": {"subjectLine": "Still thinking it over?"}}])
version = call("POST", "/api/rulesets", {"name": "library + cart subject test", "comment": "subject-line test",
    "drl": rules["drl"], "triggers": rules["triggers"], "guardrails": rules["guardrails"]})["version"]
call("POST", f"/api/rulesets/{version}/activate")
PY

# a remembered profile, so the console reconnects at start
cat >"$work/seed.jsh" <<JSH
var folder = java.nio.file.Path.of("$work/home/.triggerforge/console");
var store = new dev.triggerforge.console.connection.ProfileStore(folder.resolve("servers.json"), new dev.triggerforge.console.connection.SecretBox(folder.resolve("console.key")));
store.save(new dev.triggerforge.console.connection.ServerProfile("local demo", java.net.URI.create("http://localhost:$port"), "", dev.triggerforge.console.connection.ServerProfile.SecretKind.TOKEN), "$token");
/exit
JSH
jshell --class-path "$cp" "$work/seed.jsh" >/dev/null
sleep "${DEMO_SECONDS:-180}"   # let the demo shoppers produce sends

Xvfb :99 -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=:99
sleep 2
java -Duser.home="$work/home" -Dprism.order=sw -cp "$cp" dev.triggerforge.console.Launcher >"$work/console.log" 2>&1 &
console=$!
sleep 12
xdotool search --sync --name "TriggerForge console" windowsize --sync 1400 900 windowmove 0 0 windowfocus --sync
shot() { xdotool key --clearmodifiers "ctrl+$1"; sleep "${3:-4}"; import -window root "$out/$2.png"; echo "$out/$2.png"; }
shot 1 rules
shot 3 triggers
shot 2 simulation 1 && xdotool key --clearmodifiers ctrl+r && sleep 15 && import -window root "$out/simulation.png"
shot 4 library 6
shot 5 experiments 6
shot 6 dashboard 10
shot 7 optimization 6
shot 8 server
