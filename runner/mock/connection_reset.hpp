// connection_reset: the "reset" fault. cpp-httplib hands a handler no socket, so the
// connection is found by its ports and torn down with an RST.
#pragma once

namespace conform::mock {

// Aborts the TCP connection from `remote_port` to `local_port` (linger 0, then shutdown):
// the client reads no response. False when no such connection is open in this process.
bool reset_connection(int local_port, int remote_port);

}  // namespace conform::mock
