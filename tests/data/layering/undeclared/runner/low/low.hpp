#pragma once
#include "gone/gone.hpp"
