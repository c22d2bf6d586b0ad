// The nqtrack executable: everything lives in nqtrack_core (STYLE.md rule 3).
#include "cli/cli.h"

int main(int argc, char** argv) { return nq::cli::Main(argc, argv); }
