#include <openssl/ssl.h>
#include "net/net.hpp"
