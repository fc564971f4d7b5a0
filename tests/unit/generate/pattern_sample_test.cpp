// sample_pattern: strings the contracts' patterns match, and no guess for what it cannot read.
#include "generate/pattern_sample.hpp"

#include <gtest/gtest.h>
#include <re2/re2.h>

namespace conform::generate {
namespace {

TEST(PatternSample, SamplesMatchTheirPattern) {
  for (const char* pattern :
       {"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
        "^([0-9A-Fa-f]{32}|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$",
        "^#?[0-9A-Fa-f]{6}$", "^maia-[0-9a-f]{12}$", "^a+b*c?\\.(?:x|yz){1,3}$", "\\d{2,4}"}) {
    const RE2 regex(pattern);
    Prng prng(9);
    for (int i = 0; i < 50; ++i) {
      const auto sample = sample_pattern(pattern, prng);
      ASSERT_TRUE(sample) << pattern;
      EXPECT_TRUE(RE2::PartialMatch(*sample, regex)) << pattern << " " << *sample;
    }
  }
}

TEST(PatternSample, WhatItCannotReadGivesNoGuess) {
  Prng prng(1);
  for (const char* pattern : {"(?=a)b", "(a)\\1", "[^a]", "\\p{L}", "a{3", "(ab"}) {
    EXPECT_FALSE(sample_pattern(pattern, prng)) << pattern;
  }
}

}  // namespace
}  // namespace conform::generate
