// Reading a new password on the command line without putting it in the shell history:
//   - `given` (from --password) wins when non-empty;
//   - on a terminal (io.interactive) the password is asked for twice with echo off;
//   - otherwise the first line of io.in is the password (`echo "$PW" | nqtrack user add ...`),
//     without its line terminator.
// The password policy (service/password.h) is checked by the service, not here.
// Not thread-safe (changes the terminal's echo setting while prompting).
#pragma once

#include <string>

#include "cli/cli.h"
#include "common/status.h"

namespace nq::cli {

// Invalid "cli.password_missing" when the input holds no line; Invalid "cli.password_mismatch"
// when the two typed passwords differ.
Result<std::string> ReadNewPassword(Io& io, const std::string& given);

}  // namespace nq::cli
