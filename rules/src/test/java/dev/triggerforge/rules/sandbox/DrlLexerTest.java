package dev.triggerforge.rules.sandbox;

import dev.triggerforge.rules.compile.CompileError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The lexer sees as code what Java, MVEL and DRL see as code, and refuses what they could read differently. */
class DrlLexerTest {

    private final Findings findings = new Findings("x.drl");

    private List<Token> lex(String text) {
        return DrlLexer.lex(text, findings);
    }

    private List<String> names(String text) {
        return lex(text).stream().filter(Token::isName).map(Token::text).toList();
    }

    private List<String> problems() {
        return findings.errors().stream().map(CompileError::toString).toList();
    }

    @Test
    void tokensCarryTheirLineAndColumn() {
        assertThat(lex("rule \"a\"\n\tthen\r\n  rt.now();")).filteredOn(Token::isName)
                .extracting(Token::text, Token::line, Token::column)
                .containsExactly(tuple("rule", 1, 1), tuple("then", 2, 2), tuple("rt", 3, 3), tuple("now", 3, 6));
        assertThat(problems()).isEmpty();
    }

    @Test
    void textAndCommentsAreNotCode() {
        assertThat(names("x(\"System.exit\", 'Thread', \"a\\\"b System\") // System\n/* Runtime\n */ y"))
                .containsExactly("x", "y");
        assertThat(problems()).isEmpty();
    }

    @Test
    void aLineCommentEndsAtACarriageReturnAsInJava() {
        assertThat(names("// comment\rSystem.exit(0)")).containsExactly("System", "exit");
    }

    @Test
    void unicodeEscapesAreRefusedAnywhereButAnEscapedBackslashIsNot() {
        lex("a = \"\\\\u0053\"; // \\\\u000A");
        assertThat(problems()).isEmpty();
        lex("// \\u000A System.exit(0);\nb = \"\\uuu0041\";");
        assertThat(problems()).containsExactly(
                "x.drl:1:4: unicode escapes such as \\u000A are not allowed: write the character itself",
                "x.drl:2:6: unicode escapes such as \\uuu0041 are not allowed: write the character itself");
    }

    @Test
    void literalsThatRunPastTheirLineAreRefused() {
        assertThat(names("a = \"open\nSystem.exit(0); \"")).contains("System");
        assertThat(problems()).first().asString().startsWith("x.drl:1:5: this text is not closed on its line");
    }

    @Test
    void textBlocksBackQuotesHashAndNonAsciiAreRefused() {
        lex("s = \"\"\"\n  x\n  \"\"\";\n`System`.exit(0); # x\nSys\u00ADtem.exit(0);");
        assertThat(problems()).anyMatch(p -> p.startsWith("x.drl:1:5: text blocks"))
                .anyMatch(p -> p.startsWith("x.drl:4:1: '`' is not allowed"))
                .anyMatch(p -> p.startsWith("x.drl:4:19: '#' is not allowed"))
                .anyMatch(p -> p.startsWith("x.drl:5:4: only ASCII") && p.contains("U+00AD"));
    }

    @Test
    void anUnclosedCommentIsRefused() {
        lex("a /* b");
        assertThat(problems()).containsExactly("x.drl:1:3: this comment is never closed (*/ missing)");
    }

    @Test
    void numbersKeepTheirSuffixesButNotAFollowingName() {
        assertThat(lex("1L 2.5f 1e5 0xCAFE 1h30m 500ms 1System")).extracting(Token::kind, Token::text).containsExactly(
                tuple(Token.Kind.NUMBER, "1L"), tuple(Token.Kind.NUMBER, "2.5f"), tuple(Token.Kind.NUMBER, "1e5"),
                tuple(Token.Kind.NUMBER, "0xCAFE"), tuple(Token.Kind.NUMBER, "1h30m"),
                tuple(Token.Kind.NUMBER, "500ms"), tuple(Token.Kind.NUMBER, "1"), tuple(Token.Kind.NAME, "System"));
    }

    @Test
    void aPieceOfCodeIsPlacedAtItsLineAndColumnInTheFile() {
        assertThat(DrlLexer.lex("a\n  b", findings, 10, 7)).extracting(Token::text, Token::line, Token::column)
                .containsExactly(tuple("a", 10, 7), tuple("b", 11, 3));
    }
}
