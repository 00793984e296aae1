#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace advisor {

/// The two output languages.
enum class Lang { en, zh };

/// A text in both languages, as every name and reason in the catalogue is.
struct Text {
  std::string zh;
  std::string en;
  /// The text in one language. A text the source has only in English (zh empty) reads
  /// in Chinese as the English marked "(en)", so a reader sees it was not translated.
  std::string in(Lang lang) const {
    if (lang == Lang::en) return en;
    return english_only() ? en + " (en)" : zh;
  }
  bool empty() const { return zh.empty() && en.empty(); }
  /// The source gives this text in English only.
  bool english_only() const { return zh.empty() && !en.empty(); }

  bool operator==(const Text&) const = default;
};

/// NFKC, case folding, full-width to half-width and collapsed white space: the key
/// under which skills, majors and aliases are matched. Invalid UTF-8 yields "".
std::string normalize_key(std::string_view text);
/// normalize_key into `key`: a caller that looks many words up reuses one string's room.
void normalize_key_into(std::string_view text, std::string& key);

/// True when text is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

/// Bytes in the well-formed UTF-8 sequence starting at text[i] (1 for ASCII), or 0
/// when none starts there: Unicode table 3-7, so no overlong forms, no surrogates,
/// nothing past U+10FFFF, no sequence cut off by the end of the text.
size_t utf8_sequence_length(std::string_view text, size_t i);

/// Columns the text takes in a terminal (CJK characters are two wide).
int display_width(std::string_view text);

/// Pads text with spaces on the right to the display width.
std::string pad_right(std::string_view text, int width);

/// Splits text into lines of at most width columns, breaking at spaces where it can
/// and between CJK characters otherwise; never inside a character.
std::vector<std::string> wrap_text(std::string_view text, int width);

/// "Management" → "management" for use mid-sentence; acronyms ("AI", "AIGC", "IT")
/// and non-ASCII text are left alone.
std::string lower_first(std::string_view text);

/// How escape_controls writes a control character.
enum class EscapeStyle {
  terminal,  ///< C0 and DEL as \x1b, C1 as \u009b; newline and tab kept (JSON-safe too)
  line,      ///< the same, and newline and tab escaped as well (one-line diagnostics)
  dot,       ///< inside a Graphviz "string": '"' and '\\' escaped, newline as \n, controls as \\x1b
  mermaid,   ///< inside a Mermaid "label": entity codes, newline as <br/>, controls as \x1b
  html,      ///< HTML or SVG text and attribute values: & < > " ' as entities, newline and tab kept, controls as \x1b
};

/// The text with every control character (C0 but newline and tab, DEL, and the C1
/// controls U+0080..U+009F, CSI U+009B among them) made visible as an escape, the
/// way git and ls show them, so no profile or catalogue string can drive the
/// terminal. The format controls that reorder or hide text (bidi U+202A..U+202E and
/// U+2066..U+2069, zero-width U+200B..U+200F and U+FEFF, the separators U+2028 and
/// U+2029) are escaped the same way (\u202e). Bytes that are not UTF-8 become \xff.
/// docs/limits.md.
std::string escape_controls(std::string_view text, EscapeStyle style = EscapeStyle::terminal);

/// True when escape_controls would change nothing in the terminal style.
bool has_controls(std::string_view text);

/// Edit distance over code points, for "did you mean".
int edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to word, when close enough to be a likely misspelling.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
/// Whether a word has Chinese (Han) characters: then one changed character in a short
/// word is another word, and a "did you mean" is held to a stricter limit.
bool names_han(std::string_view key);

}  // namespace advisor
