// UserStore: the mock's users, per vendor, in memory. Each vendor's users sit behind their
// own lock, so concurrent updates never lose a write or tear a record.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "codec/rapidjson.hpp"

namespace conform::mock {

class UserStore {
 public:
  using User = rapidjson::Document;

  // Adds (or replaces) a user.
  void put(const std::string& vendor, const std::string& id, const rapidjson::Value& user);

  // Runs `change` on the stored user while holding its vendor's lock; false when there is
  // no such user (then `change` is not called). The user is then copied into a fresh
  // document: values `change` replaced would otherwise stay in the document's memory pool,
  // and memory would grow with every update rather than with what is stored.
  bool update(const std::string& vendor, const std::string& id,
              const std::function<void(User&)>& change);
  // Runs `read` on the stored user under the lock; false when there is no such user.
  bool read(const std::string& vendor, const std::string& id,
            const std::function<void(const User&)>& read) const;

  // Counts changes (put, update): a state saved at version N holds every change up to N.
  std::uint64_t version() const { return version_.load(); }

  std::vector<std::string> vendors() const;
  std::vector<std::string> ids(const std::string& vendor) const;

  // {"<vendor>": {"<id>": USER, ...}, ...}: every user, for the state file.
  std::string to_json() const;
  // Puts every user of a to_json() document; "" when it loaded, else what is wrong.
  std::string load_json(const std::string& text);

 private:
  struct Shelf {
    mutable std::mutex mutex;
    std::map<std::string, std::unique_ptr<User>> users;
  };
  Shelf& shelf(const std::string& vendor);
  const Shelf* find_shelf(const std::string& vendor) const;

  std::atomic<std::uint64_t> version_{0};
  mutable std::mutex shelves_mutex_;
  std::map<std::string, std::unique_ptr<Shelf>> shelves_;
};

}  // namespace conform::mock
