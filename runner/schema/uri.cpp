#include "schema/uri.hpp"

#include <cstddef>

namespace conform::schema {
namespace {

struct UriParts {
  bool has_scheme = false;
  std::string_view scheme;
  bool has_authority = false;
  std::string_view authority;
  std::string_view path;
  bool has_query = false;
  std::string_view query;
  bool has_fragment = false;
  std::string_view fragment;
};

bool is_scheme_char(char c, bool first) {
  bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (first) return alpha;
  return alpha || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

UriParts split_uri(std::string_view uri) {
  UriParts parts;
  std::size_t hash = uri.find('#');
  if (hash != std::string_view::npos) {
    parts.has_fragment = true;
    parts.fragment = uri.substr(hash + 1);
    uri = uri.substr(0, hash);
  }
  std::size_t question = uri.find('?');
  if (question != std::string_view::npos) {
    parts.has_query = true;
    parts.query = uri.substr(question + 1);
    uri = uri.substr(0, question);
  }
  std::size_t colon = uri.find(':');
  if (colon != std::string_view::npos && colon > 0) {
    bool valid = true;
    for (std::size_t i = 0; i < colon && valid; ++i) valid = is_scheme_char(uri[i], i == 0);
    if (valid) {
      parts.has_scheme = true;
      parts.scheme = uri.substr(0, colon);
      uri = uri.substr(colon + 1);
    }
  }
  if (uri.substr(0, 2) == "//") {
    parts.has_authority = true;
    std::size_t slash = uri.find('/', 2);
    parts.authority =
        uri.substr(2, slash == std::string_view::npos ? std::string_view::npos : slash - 2);
    uri = slash == std::string_view::npos ? std::string_view() : uri.substr(slash);
  }
  parts.path = uri;
  return parts;
}

// RFC 3986 section 5.2.4.
std::string remove_dot_segments(std::string_view input) {
  std::string output;
  while (!input.empty()) {
    if (input.substr(0, 3) == "../") {
      input.remove_prefix(3);
    } else if (input.substr(0, 2) == "./") {
      input.remove_prefix(2);
    } else if (input.substr(0, 3) == "/./") {
      input.remove_prefix(2);
    } else if (input == "/.") {
      input = "/";
    } else if (input.substr(0, 4) == "/../" || input == "/..") {
      input = input.size() == 3 ? std::string_view("/") : input.substr(3);
      std::size_t last = output.rfind('/');
      output.erase(last == std::string::npos ? 0 : last);
    } else if (input == "." || input == "..") {
      input = {};
    } else {
      std::size_t next = input.find('/', input[0] == '/' ? 1 : 0);
      if (next == std::string_view::npos) next = input.size();
      output.append(input.substr(0, next));
      input.remove_prefix(next);
    }
  }
  return output;
}

std::string merge_paths(const UriParts& base, std::string_view reference_path) {
  if (base.has_authority && base.path.empty()) return "/" + std::string(reference_path);
  std::size_t last = base.path.rfind('/');
  if (last == std::string_view::npos) return std::string(reference_path);
  return std::string(base.path.substr(0, last + 1)) + std::string(reference_path);
}

std::string compose(const UriParts& parts, const std::string& path) {
  std::string out;
  if (parts.has_scheme) {
    out.append(parts.scheme);
    out.push_back(':');
  }
  if (parts.has_authority) {
    out += "//";
    out.append(parts.authority);
  }
  out += path;
  if (parts.has_query) {
    out.push_back('?');
    out.append(parts.query);
  }
  if (parts.has_fragment) {
    out.push_back('#');
    out.append(parts.fragment);
  }
  return out;
}

}  // namespace

std::string resolve_uri(std::string_view base, std::string_view reference) {
  UriParts ref = split_uri(reference);
  UriParts b = split_uri(base);
  UriParts target;
  std::string path;
  if (ref.has_scheme) {
    target = ref;
    path = remove_dot_segments(ref.path);
  } else {
    target.has_scheme = b.has_scheme;
    target.scheme = b.scheme;
    if (ref.has_authority) {
      target.has_authority = true;
      target.authority = ref.authority;
      path = remove_dot_segments(ref.path);
      target.has_query = ref.has_query;
      target.query = ref.query;
    } else {
      target.has_authority = b.has_authority;
      target.authority = b.authority;
      if (ref.path.empty()) {
        path = std::string(b.path);
        target.has_query = ref.has_query || b.has_query;
        target.query = ref.has_query ? ref.query : b.query;
      } else {
        if (ref.path[0] == '/') {
          path = remove_dot_segments(ref.path);
        } else {
          path = remove_dot_segments(merge_paths(b, ref.path));
        }
        target.has_query = ref.has_query;
        target.query = ref.query;
      }
    }
  }
  target.has_fragment = ref.has_fragment && !ref.fragment.empty();
  target.fragment = ref.fragment;
  return compose(target, path);
}

std::string_view uri_without_fragment(std::string_view uri) {
  std::size_t hash = uri.find('#');
  return hash == std::string_view::npos ? uri : uri.substr(0, hash);
}

std::string_view uri_fragment(std::string_view uri) {
  std::size_t hash = uri.find('#');
  return hash == std::string_view::npos ? std::string_view() : uri.substr(hash + 1);
}

std::string file_uri(const std::string& absolute_path) { return "file://" + absolute_path; }

}  // namespace conform::schema
