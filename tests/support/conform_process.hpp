// ConformProcess: a running `conform` child (mock, replay) that a test signals and waits for;
// killed if a test forgets it.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace conform::test {

class ConformProcess {
 public:
  // Starts CONFORM_BINARY with `args`: stdin and stdout on pipes (write_input() feeds one,
  // first_line() reads the other), stderr (the mock's access log, replay's progress) to
  // /dev/null.
  explicit ConformProcess(std::vector<std::string> args);
  ~ConformProcess();
  ConformProcess(const ConformProcess&) = delete;
  ConformProcess& operator=(const ConformProcess&) = delete;

  // The next stdout line, waiting at most `seconds` (what came so far if it did not end).
  std::string first_line(int seconds);
  void write_input(const std::string& text);
  // Ends the child's stdin.
  void close_input();
  bool running();
  // Waits until the process catches `signal` (its handler is installed: the command runs,
  // past conform's hand-over to conform-full); false if not within `seconds`.
  bool wait_until_catching(int signal, int seconds) const;
  // Sends `signal` and returns at once (for a signal the child handles and keeps running).
  void signal(int signal) const;
  // Sends `signal` and returns the exit status (128 + N for signal N; -1 if it did not exit
  // within `seconds`).
  int stop(int signal, int seconds);
  // The exit status once the child ends by itself (as stop(); -1 after `seconds`).
  int wait(int seconds);

 private:
  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
};

}  // namespace conform::test
