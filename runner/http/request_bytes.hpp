// request_bytes: a request as it goes on the wire, head and body in one buffer, so that one
// write sends it and the server wakes once for it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/client.hpp"
#include "http/url.hpp"

namespace conform::http {

// The first header whose name is no HTTP token or whose value holds a CR, LF or NUL: one that
// could end its line and start another (a request smuggled in by a case file's value). Such a
// request is never written.
std::optional<std::string> unsafe_header(const Headers& headers);

// "PUT /users/1 HTTP/1.1", the request's headers in order, then Host, Accept, User-Agent and
// Content-Length where the request has none, then the body.
std::string request_bytes(const Request& request, const Url& url);

// Whether HTTP calls `method` idempotent (RFC 9110, section 9.2.2): a request that a kept-alive
// connection lost before any byte of an answer came back may go again on a new one.
bool idempotent(std::string_view method);

}  // namespace conform::http
