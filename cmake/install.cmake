# install.cmake: what `cmake --install` puts in place (docs/library.md): the `conform`
# binary (and libexec/conform/conform-full, which it runs for the network commands),
# libconform.a and libconform-validate.a with the public headers and CMake package
# (find_package(conform), targets conform::conform and conform::validate), the vendor
# schemas, the shipped cases and the bash completion.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CONFORM_INSTALL_SCHEMASDIR ${CMAKE_INSTALL_DATADIR}/conform/schemas)
set(CONFORM_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/conform)

# The library's last resorts when neither $CONFORM_SCHEMAS nor the package config names the
# schemas: the prefix it was built for, then this source tree.
target_compile_definitions(conform_conform PRIVATE
  CONFORM_LIBRARY_SCHEMAS_DIR="${CMAKE_INSTALL_FULL_DATADIR}/conform/schemas"
  CONFORM_SOURCE_SCHEMAS_DIR="${PROJECT_SOURCE_DIR}/schemas")

# Consumers of the installed libraries see only <conform/...> and the libraries each static
# archive needs; the modules' own usage requirements stay in the build tree. conform::conform
# is every module; conform::validate only what validation needs (no OpenSSL, no cpp-httplib).
set_target_properties(conform_lib PROPERTIES EXPORT_NAME conform)
set_target_properties(conform_validate_lib PROPERTIES EXPORT_NAME validate)
foreach(library conform_lib conform_validate_lib)
  target_include_directories(${library} INTERFACE
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_definitions(${library} INTERFACE
    "$<INSTALL_INTERFACE:CONFORM_INSTALLED_SCHEMAS_DIR=\"$<INSTALL_PREFIX>/${CONFORM_INSTALL_SCHEMASDIR}\">")
  target_compile_features(${library} INTERFACE cxx_std_17)
endforeach()
target_link_libraries(conform_lib INTERFACE
  "$<INSTALL_INTERFACE:PkgConfig::RE2;PkgConfig::IDN2;PkgConfig::HTTPLIB;PkgConfig::ZLIB;pugixml::pugixml;OpenSSL::SSL;OpenSSL::Crypto;Threads::Threads>")
target_link_libraries(conform_validate_lib INTERFACE
  "$<INSTALL_INTERFACE:PkgConfig::RE2;PkgConfig::IDN2;pugixml::pugixml>")

install(TARGETS conform RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS conform-full RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/conform)
install(TARGETS conform_lib conform_validate_lib EXPORT conformTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
# The public header and the plain-data headers it includes (beside it, as "model/...").
install(FILES runner/conform/conform.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/conform)
install(FILES runner/model/finding.hpp runner/model/format.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/conform/model)
install(DIRECTORY schemas/ DESTINATION ${CONFORM_INSTALL_SCHEMASDIR})
# Beside the schemas, as in the source tree: replay, record and lint read the case-file
# schema from there, and run the shipped cases when given none.
install(DIRECTORY cases/ DESTINATION ${CMAKE_INSTALL_DATADIR}/conform/cases)

install(EXPORT conformTargets NAMESPACE conform:: DESTINATION ${CONFORM_INSTALL_CMAKEDIR})
configure_package_config_file(cmake/conformConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/conformConfig.cmake
  INSTALL_DESTINATION ${CONFORM_INSTALL_CMAKEDIR}
  PATH_VARS CONFORM_INSTALL_SCHEMASDIR)
# 0.x: a minor version may break the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/conformConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/conformConfig.cmake
  ${PROJECT_BINARY_DIR}/cmake/conformConfigVersion.cmake
  DESTINATION ${CONFORM_INSTALL_CMAKEDIR})

# The completion lists the vendors and messages of the schemas installed beside it: the
# installed conform writes it at install time (after the binary and the schemas are in place).
install(CODE "
  set(conform_root \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}\")
  set(conform_completion
      \"\${conform_root}/${CMAKE_INSTALL_DATADIR}/bash-completion/completions/conform\")
  message(STATUS \"Installing: \${conform_completion}\")
  execute_process(COMMAND \"\${conform_root}/${CMAKE_INSTALL_BINDIR}/conform\" completion bash
      --schemas \"\${conform_root}/${CONFORM_INSTALL_SCHEMASDIR}\"
      --out \"\${conform_completion}\"
    RESULT_VARIABLE conform_status)
  if(NOT conform_status EQUAL 0)
    message(FATAL_ERROR \"conform completion bash failed: \${conform_status}\")
  endif()
  list(APPEND CMAKE_INSTALL_MANIFEST_FILES \"\${conform_completion}\")
")
