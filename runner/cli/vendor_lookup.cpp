#include "cli/vendor_lookup.hpp"

#include <string_view>

#include "cli/command.hpp"
#include "schema/suggest.hpp"

namespace conform::cli {

std::string did_you_mean(const std::string& name, const std::vector<std::string>& known) {
  const std::vector<std::string_view> candidates(known.begin(), known.end());
  const auto nearest = schema::suggest_name(name, candidates);
  return nearest ? "; did you mean \"" + *nearest + "\"?" : "";
}

const contracts::Manifest& find_vendor(const contracts::Catalog& catalog, const std::string& id) {
  if (const contracts::Manifest* vendor = catalog.find(id)) return *vendor;
  std::vector<std::string> ids;
  for (const auto& v : catalog.vendors()) ids.push_back(v.id);
  throw UsageError("unknown vendor \"" + id + "\"" + did_you_mean(id, ids) +
                   " ('conform vendors' lists them)");
}

const contracts::MessageSpec& find_message(const contracts::Catalog& catalog,
                                           const contracts::Manifest& vendor,
                                           const std::string& name) {
  const auto id = parse_message_id(name);
  if (const contracts::MessageSpec* message = id ? catalog.message(vendor, *id) : nullptr) {
    return *message;
  }
  std::vector<std::string> names;
  std::string list;
  for (const auto& m : vendor.messages) {
    names.push_back(m.id.name());
    list += (list.empty() ? "" : ", ") + m.id.name();
  }
  throw UsageError(vendor.id + " documents no message \"" + name + "\"" +
                   did_you_mean(name, names) + "; its messages: " + list);
}

}  // namespace conform::cli
