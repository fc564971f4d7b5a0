// server_process: what a command that serves until a signal (mock, proxy) sets up before its
// server's threads start.
#pragma once

#include <signal.h>

#include <initializer_list>
#include <iostream>
#include <stdexcept>

#include "cli/command.hpp"

namespace conform::cli {

// Raises the soft limit of open files to the hard limit: each connection holds a socket, up
// to the server's 1024, where the default soft limit (often 1024 descriptors) would refuse
// them first.
void raise_open_files_limit();

// Blocks `signals` in this thread, so the threads started after it inherit the mask and only
// sigwait() on the returned set sees them.
sigset_t block_signals(std::initializer_list<int> signals);

// Raises the open-files limit, blocks `signals` (before the server's threads start, so that
// they inherit the mask), starts `server` (a mock::MockServer or proxy::ProxyServer) and says
// where it listens, as "conform NAME listening on URL" on stdout, the line scripts wait for.
// Returns the blocked set, for sigwait(). Bad options are a UsageError, anything else that
// stops the server a CannotRun.
template <class Server>
sigset_t serve(Server& server, const char* name, std::initializer_list<int> signals) {
  raise_open_files_limit();
  const sigset_t blocked = block_signals(signals);
  try {
    server.start();
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  } catch (const std::exception& e) {
    throw CannotRun(e.what());
  }
  std::cout << "conform " << name << " listening on " << server.base_url() << std::endl;
  return blocked;
}

}  // namespace conform::cli
