#pragma once
#include <rapidjson/document.h>
#include "low/low.hpp"
