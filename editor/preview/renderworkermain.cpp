// postwright-render-worker: renders the preview's Markdown in a process of its own, so that a
// rendering stuck in one of cmark-gfm's quadratic cases can be stopped by killing it (a thread
// cannot be). Spoken to over stdin/stdout (renderprotocol.h); started by the preview.

#include "preview/renderprotocol.h"

#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>

int main()
{
    // Goes with the app, even when the app dies without closing our input.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() == 1)
        return 0; // it died before we asked
    return pw::renderworker::serve(STDIN_FILENO, STDOUT_FILENO);
}
