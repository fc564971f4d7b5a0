// loopback: raw TCP to a mock on 127.0.0.1, for the tests whose clients misbehave on
// purpose (slow, pipelined, cut short), and the port a started `conform mock` listens on.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "support/conform_process.hpp"

namespace conform::test {

// A connected socket to 127.0.0.1:port; -1 if the connection is refused. With
// `receive_buffer` > 0, the socket's receive buffer is set that small first (the window it
// announces): a client that reads slowly.
int connect_to(int port, int receive_buffer = 0);

// Sends every byte; false if the peer stopped taking them.
bool send_all(int fd, const std::string& bytes);

// Reads what arrives within `seconds`, until `enough` says it has it or the peer closes (or
// resets). `closed` tells which.
std::string read_until(int fd, double seconds,
                       const std::function<bool(const std::string&)>& enough,
                       bool* closed = nullptr);

// Whether the peer closes `fd` within `seconds` (whatever it sends before).
bool closes_within(int fd, double seconds);

struct RawResponse {
  int status = 0;  // 0: none arrived
  std::string head;
  std::string body;
};

// Splits complete responses off the front of `bytes`, each framed by Content-Length (an
// interim 1xx has none; with `head_only`, none has a body: the answers to HEAD requests).
std::vector<RawResponse> responses_in(std::string bytes, bool head_only = false);

// The port `conform mock` names on its listening line; -1 if none came in `seconds`.
int listening_port(ConformProcess& mock, int seconds);

}  // namespace conform::test
