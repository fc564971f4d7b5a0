// Route: an endpoint's path template ("/users/{user_id}") matched against request paths.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conform::mock {

class Route {
 public:
  Route() = default;
  explicit Route(std::string_view path_template);

  // The path parameters, percent-decoded, when `path` has the template's shape;
  // nullopt otherwise. A parameter matches one non-empty segment.
  std::optional<std::map<std::string, std::string>> match(std::string_view path) const;

  const std::string& path_template() const { return template_; }
  bool empty() const { return template_.empty(); }

 private:
  struct Segment {
    std::string text;  // a literal, or the parameter's name
    bool parameter = false;
  };
  std::string template_;
  std::vector<Segment> segments_;
};

// "%7Bid%7D" -> "{id}"; a malformed escape is kept as written.
std::string percent_decode(std::string_view text);

}  // namespace conform::mock
