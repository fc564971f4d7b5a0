#include "mock/template.hpp"

#include <cctype>
#include <optional>
#include <string_view>
#include <vector>

#include "codec/json_pointer.hpp"
#include "codec/json_text.hpp"
#include "mock/exchange.hpp"
#include "model/result.hpp"

namespace conform::mock {
namespace {

using Allocator = rapidjson::Document::AllocatorType;
constexpr std::string_view kOpen = "{{";
constexpr std::string_view kClose = "}}";
// The errors a list shows: the first kMaxListedErrors, and an item saying how many more.
std::vector<ErrorItem> listed(const std::vector<ErrorItem>& errors) {
  if (errors.size() <= kMaxListedErrors) return errors;
  std::vector<ErrorItem> shown(errors.begin(), errors.begin() + kMaxListedErrors);
  ErrorItem more;
  more.message = more_findings_text(errors.size() - kMaxListedErrors);
  shown.push_back(std::move(more));
  return shown;
}

bool is_item_name(std::string_view name) {
  return name == "field" || name == "pointer" || name == "error" || name == "keyword" ||
         name == "attempted" || name == "detail";
}

bool is_known_name(std::string_view name) {
  for (std::string_view root : {"user", "value"}) {
    if (name == root || (name.size() > root.size() && name.substr(0, root.size()) == root &&
                         name[root.size()] == '/')) {
      return true;
    }
  }
  return is_item_name(name) || name == "status" || name == "reason" || name == "count" ||
         name == "reason_code" || name == "summary" || name == "path" || name == "user_id" ||
         name == "now" || name == "logref" || name == "uuid";
}

// "Not Found" -> "NOT_FOUND".
std::string reason_code(int status) {
  std::string out = reason_phrase(status);
  for (char& c : out) {
    c = c == ' ' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

rapidjson::Value string_value(const std::string& text, Allocator& allocator) {
  rapidjson::Value out;
  out.SetString(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator);
  return out;
}

// The value of one placeholder; nullopt when it has none here.
std::optional<rapidjson::Value> lookup(std::string_view name, const TemplateContext& context,
                                       const ErrorItem* item, Allocator& allocator) {
  if (is_item_name(name)) {
    if (!item) return std::nullopt;
    if (name == "field") return string_value(item->field, allocator);
    if (name == "pointer") return string_value(item->pointer, allocator);
    if (name == "error") return string_value(item->message, allocator);
    if (name == "keyword") return string_value(item->keyword, allocator);
    if (name == "detail") return string_value(summarize({*item}), allocator);
    if (!item->attempted) return rapidjson::Value();  // attempted: null when absent
    return rapidjson::Value(*item->attempted, allocator);
  }
  if (name == "status") return rapidjson::Value(context.status);
  if (name == "count") {
    return rapidjson::Value(static_cast<std::uint64_t>(context.errors.size()));
  }
  if (name == "reason") return string_value(reason_phrase(context.status), allocator);
  if (name == "reason_code") return string_value(reason_code(context.status), allocator);
  if (name == "summary") return string_value(summarize(context.errors), allocator);
  if (name == "path") return string_value(context.path, allocator);
  if (name == "user_id") return string_value(context.user_id, allocator);
  if (name == "now") return string_value(context.now, allocator);
  if (name == "logref") return string_value(context.logref, allocator);
  if (name == "uuid") {
    return string_value(context.next_uuid ? context.next_uuid() : std::string(), allocator);
  }
  for (const auto& [root, source] :
       {std::pair<std::string_view, const rapidjson::Value*>{"user", context.user},
        {"value", context.value}}) {
    if (name.substr(0, root.size()) != root) continue;
    if (!source) return std::nullopt;
    const rapidjson::Value* found = codec::resolve_pointer(*source, name.substr(root.size()));
    if (!found) return std::nullopt;
    return rapidjson::Value(*found, allocator);
  }
  return std::nullopt;
}

std::optional<rapidjson::Value> render_string(std::string_view text, const TemplateContext& context,
                                              const ErrorItem* item, Allocator& allocator) {
  const bool single = text.size() > kOpen.size() + kClose.size() &&
                      text.substr(0, kOpen.size()) == kOpen &&
                      text.find(kOpen, kOpen.size()) == std::string_view::npos &&
                      text.find(kClose) == text.size() - kClose.size();
  if (single) {
    return lookup(text.substr(kOpen.size(), text.size() - kOpen.size() - kClose.size()), context,
                  item, allocator);
  }
  std::string out;
  std::size_t at = 0;
  while (true) {
    const std::size_t open = text.find(kOpen, at);
    const std::size_t close =
        open == std::string_view::npos ? open : text.find(kClose, open + kOpen.size());
    if (close == std::string_view::npos) {
      out.append(text.substr(at));
      break;
    }
    out.append(text.substr(at, open - at));
    const auto value = lookup(text.substr(open + kOpen.size(), close - open - kOpen.size()),
                              context, item, allocator);
    if (value) out += codec::to_plain_text(*value);
    at = close + kClose.size();
  }
  return string_value(out, allocator);
}

std::optional<rapidjson::Value> render_value(const rapidjson::Value& tmpl,
                                             const TemplateContext& context, const ErrorItem* item,
                                             Allocator& allocator);

rapidjson::Value render_object(const rapidjson::Value& tmpl, const TemplateContext& context,
                               const ErrorItem* item, Allocator& allocator) {
  rapidjson::Value out(rapidjson::kObjectType);
  const auto put = [&](const rapidjson::Value& name, rapidjson::Value value) {
    const auto existing = out.FindMember(name);
    if (existing != out.MemberEnd()) {
      existing->value = std::move(value);
    } else {
      out.AddMember(rapidjson::Value(name, allocator), std::move(value), allocator);
    }
  };
  for (const auto& member : tmpl.GetObject()) {
    auto value = render_value(member.value, context, item, allocator);
    if (!value) {
      out.RemoveMember(member.name);  // also drops what a spread put there
      continue;
    }
    if (std::string_view(member.name.GetString(), member.name.GetStringLength()) == "...") {
      if (!value->IsObject()) continue;
      for (auto& spread : value->GetObject()) put(spread.name, std::move(spread.value));
      continue;
    }
    put(member.name, std::move(*value));
  }
  return out;
}

std::optional<rapidjson::Value> render_value(const rapidjson::Value& tmpl,
                                             const TemplateContext& context, const ErrorItem* item,
                                             Allocator& allocator) {
  if (tmpl.IsString()) {
    return render_string({tmpl.GetString(), tmpl.GetStringLength()}, context, item, allocator);
  }
  if (tmpl.IsArray()) {
    rapidjson::Value out(rapidjson::kArrayType);
    for (const auto& element : tmpl.GetArray()) {
      auto value = render_value(element, context, item, allocator);
      out.PushBack(value ? std::move(*value) : rapidjson::Value(), allocator);
    }
    return out;
  }
  if (tmpl.IsObject()) {
    if (tmpl.HasMember("$omit")) return std::nullopt;
    if (const auto each = tmpl.FindMember("$each");
        each != tmpl.MemberEnd() && tmpl.MemberCount() == 1) {
      rapidjson::Value out(rapidjson::kArrayType);
      for (const auto& error : listed(context.errors)) {
        auto value = render_value(each->value, context, &error, allocator);
        if (value) out.PushBack(std::move(*value), allocator);
      }
      return out;
    }
    return render_object(tmpl, context, item, allocator);
  }
  return rapidjson::Value(tmpl, allocator);
}

void collect_unknown(const rapidjson::Value& tmpl, std::vector<std::string>& out) {
  if (tmpl.IsString()) {
    const std::string_view text(tmpl.GetString(), tmpl.GetStringLength());
    std::size_t at = 0;
    while (true) {
      const std::size_t open = text.find(kOpen, at);
      if (open == std::string_view::npos) break;
      const std::size_t close = text.find(kClose, open + kOpen.size());
      if (close == std::string_view::npos) break;
      const std::string_view name = text.substr(open + kOpen.size(), close - open - kOpen.size());
      if (!is_known_name(name)) out.emplace_back(name);
      at = close + kClose.size();
    }
  } else if (tmpl.IsArray()) {
    for (const auto& element : tmpl.GetArray()) collect_unknown(element, out);
  } else if (tmpl.IsObject()) {
    for (const auto& member : tmpl.GetObject()) collect_unknown(member.value, out);
  }
}

}  // namespace

rapidjson::Value render(const rapidjson::Value& tmpl, const TemplateContext& context,
                        Allocator& allocator) {
  auto value = render_value(tmpl, context, nullptr, allocator);
  return value ? std::move(*value) : rapidjson::Value();
}

std::vector<std::string> unknown_placeholders(const rapidjson::Value& tmpl) {
  std::vector<std::string> out;
  collect_unknown(tmpl, out);
  return out;
}

std::string summarize(const std::vector<ErrorItem>& errors) {
  std::string out;
  for (const auto& error : listed(errors)) {
    if (!out.empty()) out += "; ";
    if (!error.field.empty()) out += error.field + ": ";
    out += error.message;
  }
  return out;
}

}  // namespace conform::mock
