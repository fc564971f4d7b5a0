#include "mock/connection_table.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

namespace conform::mock {
namespace {

using Activity = ConnectionTable::Activity;

// A connected pair: the table holds the first end, the test watches the second.
struct Pair {
  Pair() { ::socketpair(AF_UNIX, SOCK_STREAM, 0, fds); }
  ~Pair() {
    ::close(fds[0]);
    ::close(fds[1]);
  }
  int held() const { return fds[0]; }
  // The table shut the held end down: the peer reads the end of the stream.
  bool shut_down() const {
    char byte = 0;
    return ::recv(fds[1], &byte, 1, MSG_DONTWAIT) == 0;
  }
  int fds[2] = {-1, -1};
};

TEST(ConnectionTable, MakesRoomByClosingTheLongestIdleThenTheLongestReading) {
  ConnectionTable table(2);
  Pair idle_first, idle_second, reading, busy, newcomer;
  ASSERT_TRUE(table.open(idle_first.held()));
  table.set(idle_first.held(), Activity::idle);
  ASSERT_TRUE(table.open(idle_second.held()));
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  table.set(idle_second.held(), Activity::idle);
  ASSERT_TRUE(table.open(reading.held()));
  EXPECT_TRUE(idle_first.shut_down());
  EXPECT_FALSE(idle_second.shut_down());
  table.close(idle_first.held());
  ASSERT_TRUE(table.open(busy.held()));
  EXPECT_TRUE(idle_second.shut_down());
  table.close(idle_second.held());
  table.set(busy.held(), Activity::busy);
  // No idle connection left: the one reading a request makes room.
  ASSERT_TRUE(table.open(newcomer.held()));
  EXPECT_TRUE(reading.shut_down());
  EXPECT_FALSE(busy.shut_down());
  table.close(reading.held());
  table.set(newcomer.held(), Activity::busy);
  Pair refused;
  EXPECT_FALSE(table.open(refused.held())) << "every connection is answering a request";
}

TEST(ConnectionTable, StoppingClosesIdleConnectionsAtOnceAndTheRestOnCloseAll) {
  ConnectionTable table(8);
  Pair idle, busy, late;
  table.open(idle.held());
  table.set(idle.held(), Activity::idle);
  table.open(busy.held());
  table.set(busy.held(), Activity::busy);
  table.begin_stop();
  EXPECT_TRUE(idle.shut_down());
  EXPECT_FALSE(busy.shut_down());
  EXPECT_FALSE(table.open(late.held()));
  table.close(idle.held());
  EXPECT_FALSE(table.wait_until_empty(ConnectionTable::Clock::now()));
  table.close_all();
  EXPECT_TRUE(busy.shut_down());
  table.close(busy.held());
  EXPECT_TRUE(table.wait_until_empty(ConnectionTable::Clock::now()));
}

}  // namespace
}  // namespace conform::mock
