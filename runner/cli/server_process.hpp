// server_process: what a command that serves until a signal (mock, proxy) sets up before its
// server's threads start.
#pragma once

#include <signal.h>

#include <initializer_list>

namespace conform::cli {

// Raises the soft limit of open files to the hard limit: each connection holds a socket, up
// to the server's 1024, where the default soft limit (often 1024 descriptors) would refuse
// them first.
void raise_open_files_limit();

// Blocks `signals` in this thread, so the threads started after it inherit the mask and only
// sigwait() on the returned set sees them.
sigset_t block_signals(std::initializer_list<int> signals);

}  // namespace conform::cli
