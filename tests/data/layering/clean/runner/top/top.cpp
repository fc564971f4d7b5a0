#include "low/low.hpp"
#include "mid/mid.hpp"
#include "top/top.hpp"
