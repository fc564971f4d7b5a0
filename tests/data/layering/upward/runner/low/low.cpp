#include "low/low.hpp"
  #  include "top/top.hpp"
