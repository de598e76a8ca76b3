from graphkit.textsafe import printable


def test_control_characters_are_shown_not_obeyed():
    hostile = "Ruritania\x1b]0;owned\x07\x1b[2J\nError: forged\u202e"
    out = printable(hostile)
    assert "\x1b" not in out and "\n" not in out and "\u202e" not in out and "\x07" not in out
    assert out.startswith("Ruritania\\x1b]0;owned\\x07") and "\\x0aError: forged\\u202e" in out


def test_plain_and_accented_text_is_unchanged():
    for text in ("Côte d'Ivoire", "Türkiye", "São Tomé and Príncipe", "A/RES/74/247", ""):
        assert printable(text) == text
