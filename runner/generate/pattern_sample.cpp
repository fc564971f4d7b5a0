#include "generate/pattern_sample.hpp"

#include <cstddef>
#include <vector>

namespace conform::generate {
namespace {

// One parsed piece of a pattern: a set of characters, or a group of alternatives (each a
// sequence), repeated between `min` and `max` times.
struct Piece {
  std::string chars;                         // a set: the characters it may be
  std::vector<std::vector<Piece>> branches;  // a group: its alternatives
  std::size_t min = 1, max = 1;
};

constexpr std::size_t kOpenRepeat = 3;  // extra repetitions at most for *, + and {n,}
constexpr std::size_t kMaxRepeat = 1000;

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool failed() const { return failed_; }
  bool done() const { return at_ >= text_.size(); }

  std::vector<std::vector<Piece>> alternatives() {
    std::vector<std::vector<Piece>> out(1);
    while (!done() && !failed_) {
      const char c = text_[at_];
      if (c == ')') break;
      if (c == '|') {
        ++at_;
        out.emplace_back();
        continue;
      }
      if (c == '^' || c == '$') {
        ++at_;
        continue;
      }
      Piece piece;
      if (!atom(piece)) break;
      quantifier(piece);
      out.back().push_back(std::move(piece));
    }
    return out;
  }

 private:
  bool fail() {
    failed_ = true;
    return false;
  }

  static std::string range(char from, char to) {
    std::string out;
    for (int c = from; c <= to; ++c) out += static_cast<char>(c);
    return out;
  }

  bool escape(std::string& chars) {
    if (done()) return fail();
    const char c = text_[at_++];
    switch (c) {
      case 'd':
        chars += range('0', '9');
        return true;
      case 'w':
        chars += range('a', 'z') + range('A', 'Z') + range('0', '9') + "_";
        return true;
      case 's':
        chars += " ";
        return true;
      case 'b':
      case 'B':
      case 'D':
      case 'W':
      case 'S':
      case 'p':
      case 'P':
      case 'u':
      case 'x':
        return fail();
      default:
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
          return fail();
        chars += c;
        return true;
    }
  }

  bool set(std::string& chars) {
    if (!done() && text_[at_] == '^') return fail();
    while (!done() && text_[at_] != ']') {
      char c = text_[at_++];
      if (c == '\\') {
        if (!escape(chars)) return false;
        continue;
      }
      if (at_ + 1 < text_.size() && text_[at_] == '-' && text_[at_ + 1] != ']') {
        const char to = text_[at_ + 1];
        at_ += 2;
        if (to < c) return fail();
        chars += range(c, to);
        continue;
      }
      chars += c;
    }
    if (done()) return fail();
    ++at_;
    return !chars.empty() || fail();
  }

  bool atom(Piece& piece) {
    const char c = text_[at_++];
    if (c == '(') {
      if (!done() && text_[at_] == '?') {
        if (at_ + 1 < text_.size() && text_[at_ + 1] == ':') {
          at_ += 2;
        } else {
          return fail();
        }
      }
      piece.branches = alternatives();
      if (done() || text_[at_] != ')') return fail();
      ++at_;
      return !failed_;
    }
    if (c == '[') return set(piece.chars);
    if (c == '\\') return escape(piece.chars);
    if (c == '.') {
      piece.chars = range('a', 'z');
      return true;
    }
    if (c == '*' || c == '+' || c == '?' || c == '{' || c == ']' || c == '}') return fail();
    piece.chars = std::string(1, c);
    return true;
  }

  std::size_t number() {
    std::size_t n = 0;
    bool any = false;
    while (!done() && text_[at_] >= '0' && text_[at_] <= '9') {
      n = n * 10 + static_cast<std::size_t>(text_[at_++] - '0');
      if (n > kMaxRepeat) n = kMaxRepeat;
      any = true;
    }
    if (!any) fail();
    return n;
  }

  void quantifier(Piece& piece) {
    if (done()) return;
    const char c = text_[at_];
    if (c == '?') {
      piece.min = 0;
    } else if (c == '*') {
      piece.min = 0;
      piece.max = kOpenRepeat;
    } else if (c == '+') {
      piece.max = 1 + kOpenRepeat;
    } else if (c == '{') {
      ++at_;
      piece.min = piece.max = number();
      if (!done() && text_[at_] == ',') {
        ++at_;
        piece.max = (!done() && text_[at_] == '}') ? piece.min + kOpenRepeat : number();
      }
      if (done() || text_[at_] != '}' || piece.max < piece.min) {
        fail();
        return;
      }
    } else {
      return;
    }
    ++at_;
    if (!done() && text_[at_] == '?') ++at_;  // lazy: the same strings match
  }

  std::string_view text_;
  std::size_t at_ = 0;
  bool failed_ = false;
};

void emit(const std::vector<Piece>& sequence, Prng& prng, std::string& out);

void emit(const Piece& piece, Prng& prng, std::string& out) {
  const std::size_t times = piece.min + prng.below(piece.max - piece.min + 1);
  for (std::size_t i = 0; i < times; ++i) {
    if (piece.branches.empty()) {
      out += piece.chars[prng.below(piece.chars.size())];
    } else {
      emit(piece.branches[prng.below(piece.branches.size())], prng, out);
    }
  }
}

void emit(const std::vector<Piece>& sequence, Prng& prng, std::string& out) {
  for (const Piece& piece : sequence) emit(piece, prng, out);
}

}  // namespace

std::optional<std::string> sample_pattern(std::string_view pattern, Prng& prng) {
  Reader reader(pattern);
  const auto branches = reader.alternatives();
  if (reader.failed() || !reader.done()) return std::nullopt;
  std::string out;
  emit(branches[prng.below(branches.size())], prng, out);
  return out;
}

}  // namespace conform::generate
