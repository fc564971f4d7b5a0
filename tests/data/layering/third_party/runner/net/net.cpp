#include <httplib.h>
#include <rapidjson/pointer.h>
#include <valijson/validator.hpp>
