// loopback: raw TCP to a mock on 127.0.0.1, for the tests whose clients misbehave on
// purpose (slow, pipelined, cut short), and the port a started `conform mock` listens on.
#pragma once

#include <string>

#include "support/conform_process.hpp"

namespace conform::test {

// A connected socket to 127.0.0.1:port; -1 if the connection is refused.
int connect_to(int port);

// Sends every byte; false if the peer stopped taking them.
bool send_all(int fd, const std::string& bytes);

// The port `conform mock` names on its listening line; -1 if none came in `seconds`.
int listening_port(ConformProcess& mock, int seconds);

}  // namespace conform::test
