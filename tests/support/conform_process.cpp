#include "support/conform_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace conform::test {
namespace {
using Clock = std::chrono::steady_clock;
}  // namespace

ConformProcess::ConformProcess(std::vector<std::string> args) {
  int in[2];
  int out[2];
  if (::pipe(in) != 0 || ::pipe(out) != 0) throw std::runtime_error("pipe");
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(in[0], STDIN_FILENO);
    ::dup2(out[1], STDOUT_FILENO);
    const int quiet = ::open("/dev/null", O_WRONLY);
    ::dup2(quiet, STDERR_FILENO);
    for (const int fd : {in[0], in[1], out[0], out[1]}) ::close(fd);
    args.insert(args.begin(), CONFORM_BINARY);
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(CONFORM_BINARY, argv.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  in_ = in[1];
  out_ = out[0];
}

ConformProcess::~ConformProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  close_input();
  ::close(out_);
}

void ConformProcess::write_input(const std::string& text) {
  ::signal(SIGPIPE, SIG_IGN);  // a child that ended makes write() fail, not the test die
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(in_, text.data() + written, text.size() - written);
    if (n <= 0) throw std::runtime_error("writing to the child's stdin failed");
    written += static_cast<std::size_t>(n);
  }
}

void ConformProcess::close_input() {
  if (in_ >= 0) ::close(in_);
  in_ = -1;
}

std::string ConformProcess::first_line(int seconds) {
  std::string line;
  const auto deadline = Clock::now() + std::chrono::seconds(seconds);
  while (Clock::now() < deadline) {
    pollfd ready{out_, POLLIN, 0};
    if (::poll(&ready, 1, 100) <= 0) continue;
    char c = 0;
    if (::read(out_, &c, 1) != 1) break;
    if (c == '\n') break;
    line.push_back(c);
  }
  return line;
}

bool ConformProcess::running() {
  int status = 0;
  return pid_ > 0 && ::waitpid(pid_, &status, WNOHANG) == 0;
}

bool ConformProcess::wait_until_catching(int signal, int seconds) const {
  const auto deadline = Clock::now() + std::chrono::seconds(seconds);
  while (Clock::now() < deadline) {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    std::string line;
    while (std::getline(status, line)) {
      if (line.rfind("SigCgt:", 0) != 0) continue;
      const unsigned long long caught = std::stoull(line.substr(7), nullptr, 16);
      if (caught & (1ULL << (signal - 1))) return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

void ConformProcess::signal(int signal) const { ::kill(pid_, signal); }

int ConformProcess::stop(int signal, int seconds) {
  ::kill(pid_, signal);
  return wait(seconds);
}

int ConformProcess::wait(int seconds) {
  const auto deadline = Clock::now() + std::chrono::seconds(seconds);
  while (Clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

}  // namespace conform::test
