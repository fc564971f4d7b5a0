#include "codec/form_encoder.hpp"

#include <utility>

#include "codec/scalar_text.hpp"
#include "json/pointer.hpp"

namespace conform::codec {
namespace {

class FormEncoder {
 public:
  FormEncoder(std::string& out, Findings& findings) : out_(out), findings_(findings) {}

  void pair(const std::string& key, const std::string* text) {
    if (!out_.empty()) out_ += '&';
    out_ += key;
    if (text != nullptr) {
      out_ += '=';
      append_form_escaped(*text, out_);
    }
  }

  void fail(const std::string& pointer, std::string message, Severity severity) {
    Finding f;
    f.severity = severity;
    f.pointer = pointer;
    f.keyword = "form-encode";
    f.message = std::move(message);
    findings_.push_back(std::move(f));
    if (severity == Severity::error) ok_ = false;
  }

  void value(const std::string& key, const rapidjson::Value& v, const std::string& pointer) {
    if (v.IsNull()) {
      fail(pointer, key + " is null, which a form cannot carry: it is left out", Severity::warning);
    } else if (v.IsObject()) {
      for (const auto& m : v.GetObject()) {
        const std::string_view name(m.name.GetString(), m.name.GetStringLength());
        std::string sub = key + "[";
        append_form_escaped(name, sub);
        sub += ']';
        value(sub, m.value, json::child_pointer(pointer, name));
      }
    } else if (v.IsArray()) {
      if (v.Empty()) {
        pair(key + "[]", nullptr);
        return;
      }
      for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
        if (v[i].IsObject() || v[i].IsArray() || v[i].IsNull()) {
          fail(json::child_pointer(pointer, std::to_string(i)),
               key + " holds a list of " +
                   (v[i].IsNull()     ? "nulls"
                    : v[i].IsObject() ? "objects"
                                      : "lists") +
                   ", which a form cannot carry",
               Severity::error);
          continue;
        }
        const std::string text = scalar_text(v[i]);
        pair(key, &text);
      }
    } else {
      const std::string text = scalar_text(v);
      pair(key, &text);
    }
  }

  bool ok() const { return ok_; }

 private:
  std::string& out_;
  Findings& findings_;
  bool ok_ = true;
};

}  // namespace

void append_form_escaped(std::string_view text, std::string& out) {
  const char* digits = "0123456789ABCDEF";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
                            c == '~' || c == '*';
    if (unreserved) {
      out += ch;
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 0xF];
    }
  }
}

bool encode_form(const rapidjson::Value& value, std::string& out, Findings& findings) {
  FormEncoder encoder(out, findings);
  if (!value.IsObject()) {
    encoder.fail("", "a form body is a set of key=value pairs: the value must be an object",
                 Severity::error);
    return false;
  }
  for (const auto& m : value.GetObject()) {
    std::string key;
    append_form_escaped({m.name.GetString(), m.name.GetStringLength()}, key);
    encoder.value(key, m.value,
                  json::child_pointer("", {m.name.GetString(), m.name.GetStringLength()}));
  }
  return encoder.ok();
}

}  // namespace conform::codec
