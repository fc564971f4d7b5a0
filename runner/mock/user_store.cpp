#include "mock/user_store.hpp"

#include "codec/json_number.hpp"

namespace conform::mock {

UserStore::Shelf& UserStore::shelf(const std::string& vendor) {
  std::lock_guard<std::mutex> lock(shelves_mutex_);
  auto& slot = shelves_[vendor];
  if (!slot) slot = std::make_unique<Shelf>();
  return *slot;
}

const UserStore::Shelf* UserStore::find_shelf(const std::string& vendor) const {
  std::lock_guard<std::mutex> lock(shelves_mutex_);
  const auto it = shelves_.find(vendor);
  return it == shelves_.end() ? nullptr : it->second.get();
}

void UserStore::put(const std::string& vendor, const std::string& id,
                    const rapidjson::Value& user) {
  auto copy = std::make_unique<User>();
  copy->CopyFrom(user, copy->GetAllocator());
  Shelf& target = shelf(vendor);
  std::lock_guard<std::mutex> lock(target.mutex);
  target.users[id] = std::move(copy);
  ++version_;
}

bool UserStore::update(const std::string& vendor, const std::string& id,
                       const std::function<void(User&)>& change) {
  // Shelves are never removed, so the pointer outlives the map lock.
  Shelf* target = const_cast<Shelf*>(find_shelf(vendor));
  if (!target) return false;
  std::lock_guard<std::mutex> lock(target->mutex);
  const auto it = target->users.find(id);
  if (it == target->users.end()) return false;
  change(*it->second);
  auto compact = std::make_unique<User>();
  compact->CopyFrom(*it->second, compact->GetAllocator());
  it->second = std::move(compact);
  ++version_;
  return true;
}

bool UserStore::read(const std::string& vendor, const std::string& id,
                     const std::function<void(const User&)>& read) const {
  const Shelf* target = find_shelf(vendor);
  if (!target) return false;
  std::lock_guard<std::mutex> lock(target->mutex);
  const auto it = target->users.find(id);
  if (it == target->users.end()) return false;
  read(*it->second);
  return true;
}

std::vector<std::string> UserStore::vendors() const {
  std::lock_guard<std::mutex> lock(shelves_mutex_);
  std::vector<std::string> out;
  for (const auto& entry : shelves_) out.push_back(entry.first);
  return out;
}

std::vector<std::string> UserStore::ids(const std::string& vendor) const {
  std::vector<std::string> out;
  const Shelf* target = find_shelf(vendor);
  if (!target) return out;
  std::lock_guard<std::mutex> lock(target->mutex);
  for (const auto& entry : target->users) out.push_back(entry.first);
  return out;
}

std::string UserStore::to_json() const {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  for (const auto& vendor : vendors()) {
    const Shelf* target = find_shelf(vendor);
    writer.Key(vendor.c_str(), static_cast<rapidjson::SizeType>(vendor.size()));
    writer.StartObject();
    std::lock_guard<std::mutex> lock(target->mutex);
    for (const auto& [id, user] : target->users) {
      writer.Key(id.c_str(), static_cast<rapidjson::SizeType>(id.size()));
      user->Accept(writer);
    }
    writer.EndObject();
  }
  writer.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

std::string UserStore::load_json(const std::string& text) {
  rapidjson::Document document;
  const rapidjson::ParseResult parsed = codec::parse_json_text(document, text);
  if (parsed.IsError()) {
    return std::string("not JSON (") + rapidjson::GetParseError_En(parsed.Code()) + " at byte " +
           std::to_string(parsed.Offset()) + ")";
  }
  if (!document.IsObject()) return "expected an object of vendors";
  for (const auto& vendor : document.GetObject()) {
    if (!vendor.value.IsObject()) {
      return std::string("/") + vendor.name.GetString() + ": expected an object of users";
    }
    for (const auto& user : vendor.value.GetObject()) {
      put(vendor.name.GetString(), user.name.GetString(), user.value);
    }
  }
  return {};
}

}  // namespace conform::mock
