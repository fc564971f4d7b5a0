// `conform mock` under load, as a separate process: thousands of concurrent PUTs to one
// user from several keep-alive connections get no 5xx and leave a record equal to one of
// the writes, the --state file holds that record after SIGTERM, and clients that vanish
// mid-request (reset, body cut short) do not stop the server.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "codec/rapidjson.hpp"
#include "support/conform_process.hpp"
#include "support/files.hpp"
#include "support/loopback.hpp"
#include "support/temp_dir.hpp"

namespace conform {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kUser = "USsRhsHYZGBPnQw8CByJyEQW";
const httplib::Headers kHeaders{{"Authorization", "Basic bW9jay11c2VyOm1vY2stcGFzc3dvcmQ="},
                                {"Finix-Version", "2022-02-01"}};

using test::connect_to;
using test::listening_port;
using test::send_all;

// One write: every field carries the writer's mark, so a torn record shows as a mix.
std::string write_body(const std::string& mark, bool enabled) {
  return R"({"enabled":)" + std::string(enabled ? "true" : "false") + R"(,"tags":{"writer":")" +
         mark + R"(","a":")" + mark + R"(","b":")" + mark + R"(","c":")" + mark + R"("}})";
}

// What a user's record says about the writes: the tags' marks and the enabled flag.
struct Seen {
  bool ok = false;
  std::set<std::string> marks;
  bool enabled = false;
};

Seen seen_in(const rapidjson::Value& user) {
  Seen seen;
  if (!user.IsObject() || !user.HasMember("tags") || !user["tags"].IsObject() ||
      !user.HasMember("enabled") || !user["enabled"].IsBool()) {
    return seen;
  }
  for (const char* key : {"writer", "a", "b", "c"}) {
    if (!user["tags"].HasMember(key) || !user["tags"][key].IsString()) return seen;
    seen.marks.insert(user["tags"][key].GetString());
  }
  seen.enabled = user["enabled"].GetBool();
  seen.ok = true;
  return seen;
}

using conform::test::read_file;

TEST(MockLoad, ConcurrentPutsToOneUserGetNoServerErrorAndNeverTearTheRecord) {
  test::TempDir dir;
  const std::string state = dir.path() + "/state.json";
  test::ConformProcess mock({"mock", "--vendor", "finix", "--port", "0", "--state", state});
  const int port = listening_port(mock, 30);
  ASSERT_GT(port, 0);

  constexpr int kConnections = 8;
  constexpr int kRequestsEach = 400;
  const auto started = Clock::now();
  std::atomic<int> ok{0}, server_errors{0}, transport_errors{0}, other{0};
  // Whether each write set enabled: decides which enabled value goes with which mark.
  std::map<std::string, bool> written;
  for (int c = 0; c < kConnections; ++c) {
    for (int i = 0; i < kRequestsEach; ++i) {
      written["w" + std::to_string(c) + "-" + std::to_string(i)] = (c + i) % 2 == 0;
    }
  }
  std::vector<std::thread> connections;
  for (int c = 0; c < kConnections; ++c) {
    connections.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_connection_timeout(5, 0);
      client.set_read_timeout(10, 0);
      for (int i = 0; i < kRequestsEach; ++i) {
        const std::string mark = "w" + std::to_string(c) + "-" + std::to_string(i);
        const auto result = client.Put(std::string("/users/") + kUser, kHeaders,
                                       write_body(mark, written.at(mark)), "application/json");
        if (!result) {
          ++transport_errors;
        } else if (result->status >= 500) {
          ++server_errors;
        } else if (result->status == 200) {
          ++ok;
        } else {
          ++other;
        }
      }
    });
  }
  for (auto& thread : connections) thread.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  const int total = kConnections * kRequestsEach;
  std::printf(
      "[ load     ] %d PUTs over %d connections in %.2f s (%.0f/s): %d ok, %d 5xx, "
      "%d transport errors, %d other\n",
      total, kConnections, seconds, total / seconds, ok.load(), server_errors.load(),
      transport_errors.load(), other.load());
  EXPECT_EQ(server_errors.load(), 0);
  EXPECT_EQ(transport_errors.load(), 0);
  EXPECT_EQ(ok.load(), total);
  EXPECT_LT(seconds, 120.0);

  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(10, 0);
  const auto read = client.Get(std::string("/users/") + kUser, kHeaders);
  ASSERT_TRUE(read);
  ASSERT_EQ(read->status, 200) << read->body;
  rapidjson::Document final_user;
  final_user.Parse(read->body.c_str());
  const Seen final_state = seen_in(final_user);
  ASSERT_TRUE(final_state.ok) << read->body;
  ASSERT_EQ(final_state.marks.size(), 1u) << "a torn record: " << read->body;
  const std::string mark = *final_state.marks.begin();
  ASSERT_TRUE(written.count(mark)) << read->body;
  EXPECT_EQ(final_state.enabled, written.at(mark)) << "enabled from another write: " << read->body;

  // SIGTERM saves everything: the state file holds the same record.
  EXPECT_EQ(mock.stop(SIGTERM, 30), 0);
  rapidjson::Document saved;
  saved.Parse(read_file(state).c_str());
  ASSERT_TRUE(saved.IsObject() && saved.HasMember("finix") && saved["finix"].HasMember(kUser))
      << read_file(state).substr(0, 500);
  const Seen saved_state = seen_in(saved["finix"][kUser]);
  ASSERT_TRUE(saved_state.ok);
  EXPECT_EQ(saved_state.marks, final_state.marks);
  EXPECT_EQ(saved_state.enabled, final_state.enabled);
}

// Closes with RST instead of FIN: the peer sees "connection reset".
void reset(int fd) {
  linger hard{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
  ::close(fd);
}

TEST(MockLoad, ClientsKilledMidRequestLeaveTheServerServing) {
  test::ConformProcess mock({"mock", "--vendor", "finix", "--port", "0"});
  const int port = listening_port(mock, 30);
  ASSERT_GT(port, 0);
  const std::string body = write_body("half", true);
  const std::string head = std::string("PUT /users/") + kUser +
                           " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           "Authorization: Basic bW9jay11c2VyOm1vY2stcGFzc3dvcmQ=\r\n"
                           "Finix-Version: 2022-02-01\r\nContent-Type: application/json\r\n"
                           "Content-Length: " +
                           std::to_string(body.size()) + "\r\n\r\n";
  const std::string whole_body = write_body("whole", true);
  const std::string whole = head.substr(0, head.rfind("Content-Length")) +
                            "Content-Length: " + std::to_string(whole_body.size()) + "\r\n\r\n" +
                            whole_body;
  const auto started = Clock::now();
  for (int round = 0; round < 20; ++round) {
    // Headers only, then reset; half the body, then reset; half the body, then a clean
    // close; the whole request, reset before reading the answer; a half-sent header line.
    const std::vector<std::pair<std::string, bool>> abuses{
        {head, true},
        {head + body.substr(0, body.size() / 2), true},
        {head + body.substr(0, body.size() / 2), false},
        {whole, true},
        {head.substr(0, head.size() / 3), false},
    };
    for (const auto& [bytes, hard] : abuses) {
      const int fd = connect_to(port);
      ASSERT_GE(fd, 0);
      send_all(fd, bytes);
      if (hard) {
        reset(fd);
      } else {
        ::close(fd);
      }
    }
  }
  // Each abandoned request holds a worker until its read times out; well-behaved clients
  // are still served meanwhile.
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(10, 0);
  const auto put = client.Put(std::string("/users/") + kUser, kHeaders, write_body("after", false),
                              "application/json");
  ASSERT_TRUE(put) << "the server stopped answering";
  EXPECT_EQ(put->status, 200) << put->body;
  const auto read = client.Get(std::string("/users/") + kUser, kHeaders);
  ASSERT_TRUE(read);
  rapidjson::Document user;
  user.Parse(read->body.c_str());
  const Seen seen = seen_in(user);
  ASSERT_TRUE(seen.ok) << read->body;
  // A whole request reset before its answer may be served after ours; a cut-short one never.
  ASSERT_EQ(seen.marks.size(), 1u) << read->body;
  EXPECT_TRUE(seen.marks.count("after") || seen.marks.count("whole")) << read->body;
  EXPECT_TRUE(mock.running());
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - started).count(), 60.0);
  EXPECT_EQ(mock.stop(SIGTERM, 30), 0);
}

}  // namespace
}  // namespace conform
