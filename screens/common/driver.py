"""The terminal driver: Textual's Linux/macOS driver, ending the app when input ends.

Textual's driver reads the terminal in a loop; when the terminal goes away its input is at
end-of-file, every read returns nothing at once, and the loop spins at full CPU for ever.
Here the end of input (or a read error, as a hung-up terminal gives) quits the app like
``q``: every change is already saved, and the command line's ``finally`` releases the
lock. Everything else is the stock driver.
"""

from __future__ import annotations

import os
import selectors
import time
from codecs import getincrementaldecoder

from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

#: The app's exit status when its terminal went away (as a shell reports SIGHUP).
EXIT_TERMINAL_GONE = 129


class EndOfInputDriver(LinuxDriver):
    """:class:`LinuxDriver` whose input thread ends the app at end of input."""

    def run_input_thread(self) -> None:
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        try:
            while not self.exit_event.is_set():
                events = selector.select(0.1)
                if events:
                    try:
                        data = os.read(self.fileno, 4096)
                    except OSError:
                        data = b""
                    if not data:  # end of input: the terminal is gone
                        self._quit_when_started()
                        return
                    for event in parser.feed(decode(data)):
                        self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass

    def _quit_when_started(self) -> None:
        """Quit the app, once it has started (quitting half-way through start-up fails)."""
        app = self._app
        for _ in range(600):  # wait at most a minute, in this input thread only
            if app.is_running or self.exit_event.is_set():
                break
            time.sleep(0.1)
        app.call_later(app.call_after_refresh, app.exit, return_code=EXIT_TERMINAL_GONE)
