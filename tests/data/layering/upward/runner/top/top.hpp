#pragma once
#include "side/side.hpp"
