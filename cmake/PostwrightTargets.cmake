# Shared settings for every Postwright target, so each CMakeLists stays a plain list of sources.

function(postwright_configure_target target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
        -Wnull-dereference -Wformat=2 -Wimplicit-fallthrough)
    if(POSTWRIGHT_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(POSTWRIGHT_SANITIZE)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
endfunction()

# A static library of Postwright's: postwright_library(NAME SOURCES ... LINKS ...)
function(postwright_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LINKS;PRIVATE_LINKS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/..)
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LINKS} PRIVATE ${ARG_PRIVATE_LINKS})
    postwright_configure_target(${name})
endfunction()

# One Qt Test executable per test file: postwright_test(NAME SOURCES ... LINKS ... [LABELS ...] [TIMEOUT s])
function(postwright_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LINKS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LINKS})
    target_compile_definitions(${name} PRIVATE
        POSTWRIGHT_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
        POSTWRIGHT_TEST_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data"
        POSTWRIGHT_BINARY_DIR="${CMAKE_BINARY_DIR}")
    postwright_configure_target(${name})
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QTWEBENGINE_DISABLE_SANDBOX=1;QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu --no-sandbox;LC_ALL=C.UTF-8")
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
endfunction()
