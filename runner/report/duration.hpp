// Durations as reports write them.
#pragma once

#include <string>

namespace conform::report {

// Seconds with millisecond precision, as JUnit wants them ("0.125").
std::string seconds(double milliseconds);

}  // namespace conform::report
