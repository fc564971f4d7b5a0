// TempDir: a fresh folder of a test's own under the system's temporary folder, removed with
// the object, so no test writes into the source tree or depends on the working directory.
#pragma once

#include <string>

namespace conform::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  // Writes `bytes` to path()/name (creating the folders on the way) and returns the full path.
  std::string write(const std::string& name, const std::string& bytes) const;

 private:
  std::string path_;
};

}  // namespace conform::test
