#pragma once
#include <rapidjson/document.h>
#include <httplib.h>
