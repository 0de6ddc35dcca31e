# bansoui.py: drives Banso from outside, as a screen reader would, through
# its accessibility tree (AT-SPI).
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Notes on GTK 4.8's AT-SPI, found while writing these tests:
#  - Every accessible is there, also those of the pages of a GtkStack that are
#    not shown, and no widget but a window has the SHOWING state: look for
#    widgets inside the part of the window you mean (a records page, a form),
#    and read what the page says (a count, a status page's title).
#  - A button with a mnemonic is named "_Save Save" (its label with the
#    underline, then its child label); an entry with a mnemonic label is named
#    "Citizen ID Citizen ID". matches() accepts these.
#  - Action (click), EditableText (set_text_contents), Text and Selection (on
#    a GtkColumnView, a GtkListBox) work. Component.grab_focus does not (it
#    answers with an error), and the items of a GtkDropDown's popover can be
#    seen but not chosen: Selection.select_child on its list answers TRUE and
#    does not change the drop-down. Choosing an item is done with the
#    keyboard (xdotool) once the popover is open.
#  - The first arrow key in a GtkDropDown's list may move the focus to one
#    item and the selection to another, and Return takes the selected one:
#    App.choose() goes on until the wanted item has both.
#  - A widget that was never shown (a page of a stack or a leaflet) has empty
#    extents, and pressing it does nothing: the About window has nine "Close"
#    buttons, one of them on screen.
#  - GTK_ACCESSIBLE_STATE_INVALID becomes the AT-SPI state INVALID, not
#    INVALID_ENTRY.
#  - libatspi caches what it was told; this client runs no main loop, so the
#    cache is turned off and every question goes to the app.

import os
import re
import signal
import subprocess
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

TIMEOUT = float(os.environ.get('BANSO_UI_TIMEOUT', '20'))

# Who the tests log in as. On a database where nobody can log in yet, the
# first start makes this administrator through the real login page.
TEST_LOGIN = 'quantri'
TEST_NAME = 'Hoàng Văn Minh'
TEST_PASSWORD = 'mật khẩu thử'
WRONG_PASSWORD = 'The login name or the password is wrong.'
POLL = 0.1


class UIError(Exception):
    pass


class WaitTimeout(UIError):
    pass


def log(msg):
    print('# ' + msg, flush=True)


# Reading the tree ----------------------------------------------------------

def role(acc):
    try:
        return acc.get_role_name() or ''
    except GLib.Error:
        return ''


def name(acc):
    try:
        return acc.get_name() or ''
    except GLib.Error:
        return ''


def description(acc):
    try:
        return acc.get_description() or ''
    except GLib.Error:
        return ''


def children(acc):
    try:
        n = acc.get_child_count()
    except GLib.Error:
        return []
    out = []
    for i in range(n):
        try:
            child = acc.get_child_at_index(i)
        except GLib.Error:
            child = None
        if child is not None:
            out.append(child)
    return out


def walk(acc, depth=None):
    """Depth first, in the order of the tree; down to depth levels under acc
    when depth is given."""
    stack = [(acc, 0)]
    while stack:
        a, d = stack.pop()
        yield a
        if depth is None or d < depth:
            stack.extend((c, d + 1) for c in reversed(children(a)))


def has_state(acc, state):
    try:
        return acc.get_state_set().contains(state)
    except GLib.Error:
        return False


def sensitive(acc):
    return has_state(acc, Atspi.StateType.SENSITIVE)


def text(acc):
    try:
        return Atspi.Text.get_text(acc, 0, Atspi.Text.get_character_count(acc))
    except (GLib.Error, TypeError, NotImplementedError):
        return None


def label_texts(acc):
    """The text of every label under acc, in order."""
    return [text(a) or '' for a in walk(acc) if role(a) == 'label']


def matches(acc_name, want):
    """Whether an accessible name is the label want, allowing for GTK 4.8's
    "_Label Label" and "Label Mnemonic-label" names."""
    if acc_name == want:
        return True
    plain = acc_name.replace('_', '')
    return plain == want or plain.startswith(want + ' ')


def find_all(root, role_name=None, label=None, pred=None):
    out = []
    for a in walk(root):
        if role_name is not None and role(a) != role_name:
            continue
        if label is not None and not matches(name(a), label):
            continue
        if pred is not None and not pred(a):
            continue
        out.append(a)
    return out


def find(root, role_name=None, label=None, pred=None):
    for a in walk(root):
        if role_name is not None and role(a) != role_name:
            continue
        if label is not None and not matches(name(a), label):
            continue
        if pred is not None and not pred(a):
            continue
        return a
    return None


def describe(role_name, label):
    return '%s "%s"' % (role_name or 'widget', label) if label else (role_name or 'widget')


# Acting ---------------------------------------------------------------------

def do_action(acc, wanted=('click', 'activate')):
    try:
        names = [Atspi.Action.get_action_name(acc, i)
                 for i in range(Atspi.Action.get_n_actions(acc))]
    except GLib.Error as e:
        raise UIError('%s has no actions: %s' % (role(acc), e.message))
    for w in wanted:
        if w in names:
            if not Atspi.Action.do_action(acc, names.index(w)):
                raise UIError('the action "%s" of %s "%s" failed' % (w, role(acc), name(acc)))
            return
    raise UIError('%s "%s" has none of the actions %s (it has %s)'
                  % (role(acc), name(acc), list(wanted), names))


def set_text(acc, value):
    if not Atspi.EditableText.set_text_contents(acc, value):
        raise UIError('could not set the text of %s "%s"' % (role(acc), name(acc)))


def key(*keys):
    """Presses keys on the keyboard (X11 XTEST events, through xdotool)."""
    subprocess.run(['xdotool', 'key', '--clearmodifiers', '--delay', '60'] + list(keys),
                   check=True, timeout=TIMEOUT)


def click(acc):
    """Clicks the middle of a widget with the mouse (X11 XTEST events, through
    xdotool): for a GtkCheckButton, which has no AT-SPI action in GTK 4.8.
    There is no window manager under Xvfb: windows open at the top left, and
    a position in the window is one on the screen (GTK 4.8 on X11 does not
    report screen positions)."""
    try:
        ext = Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW)
    except GLib.Error as e:
        raise UIError('%s "%s" has no extents: %s' % (role(acc), name(acc), e.message))
    if ext.width <= 0 or ext.height <= 0:
        raise UIError('%s "%s" is not on screen' % (role(acc), name(acc)))
    subprocess.run(['xdotool', 'mousemove', '--sync', str(ext.x + ext.width // 2),
                    str(ext.y + ext.height // 2), 'click', '1'], check=True, timeout=TIMEOUT)


def screenshot(path):
    subprocess.run(['import', '-window', 'root', path], check=True, timeout=TIMEOUT)
    log('screenshot ' + path)


# The app --------------------------------------------------------------------

class App:
    """One run of banso, and the waits that watch it."""

    def __init__(self, binary, data_dir, log_path):
        self.binary = binary
        self.data_dir = data_dir
        self.log_path = log_path
        self.proc = None
        self.root = None

    # Starting and stopping

    def start(self, log_in=True):
        """Starts the app and, unless log_in is False, logs in as TEST_LOGIN
        (making that administrator on a database that has none)."""
        # Asking for the desktop first starts the accessibility bus, which
        # the app must find when it starts.
        Atspi.set_timeout(15000, 30000)
        desktop = Atspi.get_desktop(0)
        desktop.get_child_count()

        env = dict(os.environ)
        env.pop('NO_AT_BRIDGE', None)
        env['GTK_A11Y'] = 'atspi'
        self.log_file = open(self.log_path, 'w')
        self.proc = subprocess.Popen([self.binary, '--data-dir', self.data_dir],
                                     env=env, stdout=self.log_file, stderr=subprocess.STDOUT)
        log('started %s --data-dir %s (pid %d)' % (self.binary, self.data_dir, self.proc.pid))

        def find_app():
            for a in children(Atspi.get_desktop(0)):
                try:
                    if a.get_process_id() == self.proc.pid:
                        return a
                except GLib.Error:
                    pass
            return None
        self.root = self.wait(find_app, 'the app to appear on the accessibility bus',
                              timeout=TIMEOUT * 3)
        self.root.set_cache_mask(Atspi.Cache.NONE)
        if log_in:
            self.log_in()

    # Logging in

    def login_page(self, window_title='Banso', timeout=TIMEOUT * 3):
        """The window and the button of its login page (Log In, or Create
        Administrator on a database where nobody can log in yet)."""
        win = self.window(window_title, timeout=timeout)
        button = self.wait(lambda: find(win, 'push button', pred=lambda a: (
                               matches(name(a), 'Log In') or
                               matches(name(a), 'Create Administrator'))),
                           'the login page', timeout=timeout)
        return win, button

    def try_log_in(self, login=TEST_LOGIN, password=TEST_PASSWORD, full_name=TEST_NAME,
                   window_title='Banso'):
        """Fills the login page as a person would and presses its button.
        Returns None once logged in, or the message the page shows."""
        win, button = self.login_page(window_title)
        first = matches(name(button), 'Create Administrator')
        password_field = self.wait_find(win, 'password text',
                                        pred=lambda a: name(a) in ('Password', 'Password Password'),
                                        what='the password field')
        set_text(self.wait_find(win, 'text', 'Login name'), login)
        if first:
            set_text(self.wait_find(win, 'text', 'Full name'), full_name)
            set_text(self.wait_find(win, 'password text', 'Password again'), password)
        set_text(password_field, password)
        do_action(button)
        # Whatever the outcome, the page empties the password field once the
        # check is done; a message says what went wrong.
        self.wait(lambda: text(password_field) == '', 'the password to be checked',
                  timeout=TIMEOUT * 2)
        problem = find(win, 'label', pred=lambda a: description(a) == 'Login problem' and text(a))
        return text(problem) if problem is not None else None

    def log_in(self, login=TEST_LOGIN, password=TEST_PASSWORD, full_name=TEST_NAME,
               window_title='Banso'):
        """Logs in through the login page; fails the test if it says no."""
        problem = self.try_log_in(login, password, full_name, window_title)
        if problem:
            raise UIError('could not log in as %s: %s' % (login, problem))
        log('logged in as ' + login)

    def check_alive(self):
        if self.proc is not None and self.proc.poll() is not None:
            rc = self.proc.returncode
            if rc < 0:
                how = 'killed by signal %s' % signal.Signals(-rc).name
            else:
                how = 'exit status %d' % rc
            raise UIError('the app stopped (%s)' % how)

    def output(self):
        try:
            with open(self.log_path, errors='replace') as f:
                return f.read()
        except OSError:
            return ''

    def quit(self, window_title='Banso'):
        """Closes the main window as a user would, and waits for the app to end."""
        win = self.window(window_title)
        close = self.wait_find(win, 'push button', 'Close')
        do_action(close)
        try:
            rc = self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise UIError('the app did not end within %d s of closing its window' % TIMEOUT)
        if rc != 0:
            raise UIError('the app ended with status %d' % rc)

    def quit_by_keyboard(self, window_title='Banso'):
        """Ctrl+Q, and waits for the app to end."""
        self.focus_window(window_title)
        key('ctrl+q')
        try:
            rc = self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise UIError('the app did not end within %d s of Ctrl+Q' % TIMEOUT)
        if rc != 0:
            raise UIError('the app ended with status %d' % rc)

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    # Waiting

    def wait(self, fn, what, timeout=TIMEOUT):
        """Polls fn until it returns something true, and returns that."""
        deadline = time.monotonic() + timeout
        last_error = None
        while True:
            self.check_alive()
            try:
                value = fn()
                if value:
                    return value
            except GLib.Error as e:   # a widget went away while we looked
                last_error = e.message
            if time.monotonic() > deadline:
                extra = ' (last error: %s)' % last_error if last_error else ''
                raise WaitTimeout('timed out after %d s waiting for %s%s'
                                  % (timeout, what, extra))
            time.sleep(POLL)

    def wait_all(self, conditions, timeout=TIMEOUT):
        """Waits until each of conditions ({what: fn}) has been true at least
        once, polling them together: for a toast, which goes after a few
        seconds, and the list it comes with."""
        seen = {}

        def check():
            for what, fn in conditions.items():
                if what not in seen:
                    value = fn()
                    if value:
                        seen[what] = value
            return len(seen) == len(conditions)
        try:
            self.wait(check, ' and '.join(conditions), timeout)
        except WaitTimeout:
            missing = [w for w in conditions if w not in seen]
            raise UIError('timed out after %d s waiting for %s'
                          % (timeout, ' and '.join(missing))) from None
        return seen

    def wait_find(self, root, role_name=None, label=None, pred=None, what=None, timeout=TIMEOUT):
        return self.wait(lambda: find(root, role_name, label, pred),
                         what or describe(role_name, label), timeout)

    def wait_gone(self, fn, what, timeout=TIMEOUT):
        self.wait(lambda: not fn(), what, timeout)

    # Windows

    def windows(self):
        return children(self.root)

    def find_window(self, title):
        for w in self.windows():
            if name(w) == title:
                return w
        return None

    def window(self, title, timeout=TIMEOUT):
        return self.wait(lambda: self.find_window(title), 'the window "%s"' % title, timeout)

    def focus_window(self, title):
        """Gives the X11 keyboard focus to the app's window with this title,
        for the keys that follow. There is no window manager under Xvfb."""
        pattern = '^%s$' % re.escape(title)

        def search():
            r = subprocess.run(['xdotool', 'search', '--all', '--onlyvisible', '--pid',
                                str(self.proc.pid), '--name', pattern],
                               capture_output=True, text=True, timeout=TIMEOUT)
            ids = r.stdout.split()
            return ids[-1] if ids else None
        xid = self.wait(search, 'the X11 window "%s"' % title)
        subprocess.run(['xdotool', 'windowfocus', '--sync', xid], check=True, timeout=TIMEOUT)

    # Drop-downs

    def dropdown_value(self, combo):
        """What a GtkDropDown shows: the label of its selected item."""
        button = children(combo)[0]
        labels = [t for t in label_texts(button) if t and t != '(None)']
        return labels[-1] if labels else None

    def choose(self, window_title, combo, item):
        """Chooses item in a GtkDropDown: opens it through AT-SPI, then moves
        with the arrow keys until the item has the focus and presses Return
        (AT-SPI cannot choose in a GtkDropDown's popover in GTK 4.8)."""
        label = name(combo)
        if self.dropdown_value(combo) == item:
            return
        do_action(children(combo)[0])
        popover = self.wait(lambda: find(combo, pred=lambda a: name(a) == 'GtkPopover'),
                            'the list of the drop-down "%s" to open' % label)
        listview = self.wait_find(popover, 'list', what='the items of "%s"' % label)

        def items():
            return [(it, ' '.join(t for t in label_texts(it) if t))
                    for it in children(listview) if role(it) == 'list item']
        try:
            self.wait(lambda: item in [n for _, n in items()],
                      'the item "%s" in the drop-down "%s"' % (item, label))
        except WaitTimeout as e:
            shown = [n for _, n in items()]
            key('Escape')
            raise UIError('%s; it shows: %s (only the items in view are in the tree)'
                          % (e, ', '.join(shown[:20]))) from None
        names = [n for _, n in items()]
        target = names.index(item)
        self.focus_window(window_title)

        def cursor():
            """(focused item, selected item), or None while there is none."""
            f = sel = None
            for i, (it, _) in enumerate(items()):
                if has_state(it, Atspi.StateType.FOCUSED):
                    f = i
                if has_state(it, Atspi.StateType.SELECTED):
                    sel = i
            return None if f is None else (f, sel)

        # In GTK 4.8 the first arrow key may move the focus to one item and the
        # selection to another, and Return takes the selected one: go on until
        # the wanted item has both.
        for _ in range(2 * len(names) + 6):
            at = self.wait(cursor, 'an item of "%s" to have the focus' % label)
            f, sel = at
            if f == target and sel == target:
                break
            if f < target:
                key('Down')
            elif f > target:
                key('Up')
            else:
                key('Up' if target > 0 else 'Down')   # step off; the next turn steps back
            self.wait(lambda: cursor() != at, 'the focus to move in "%s"' % label, timeout=5)
        else:
            raise UIError('could not move to "%s" in the drop-down "%s"' % (item, label))
        key('Return')
        try:
            self.wait(lambda: self.dropdown_value(combo) == item,
                      'the drop-down "%s" to show "%s"' % (label, item))
        except WaitTimeout as e:
            raise UIError('%s; it shows "%s"' % (e, self.dropdown_value(combo))) from None
        self.wait_gone(lambda: find(combo, pred=lambda a: name(a) == 'GtkPopover'),
                       'the list of "%s" to close' % label)


# The parts of Banso's windows ----------------------------------------------

class RecordsPage:
    """One section of the main window (a BansoRecordsPage), found through the
    button that adds its records."""

    def __init__(self, app, window, add_label, noun):
        self.app = app
        self.window = window
        self.noun = noun
        self.add_button = app.wait_find(window, 'push button', add_label)
        self.page = app.wait(lambda: self._page_of(self.add_button),
                             'the records page around "%s"' % add_label)

    @staticmethod
    def _page_of(acc):
        a = acc
        while a is not None:
            if name(a) == 'BansoRecordsPage':
                return a
            a = a.get_parent()
        return None

    def button(self, label):
        return self.app.wait_find(self.page, 'push button', label)

    def search_entry(self):
        return find(self.page, 'entry', 'Search')

    def count(self):
        """The number in the count label of the action bar ("3 households")."""
        pattern = re.compile(r'^([\d.,]+) %ss?$' % self.noun)
        cached = getattr(self, '_count_label', None)
        m = pattern.match(text(cached) or '') if cached is not None else None
        if m is None:
            for a in find_all(self.page, 'label'):
                m = pattern.match(text(a) or '')
                if m:
                    self._count_label = a   # the same label from now on: quicker polls
                    break
        return int(re.sub(r'[.,]', '', m.group(1))) if m else None

    def listview(self):
        if getattr(self, '_listview', None) is None:
            table = find(self.page, 'tree table', 'Records')
            if table is None:
                raise UIError('the page has no table named "Records"')
            self._listview = find(table, 'list')
        return self._listview

    def rows(self):
        """The cells of the table, row by row, as their labels read."""
        return [label_texts(r) for r in children(self.listview()) if role(r) == 'table row']

    def status_title(self):
        """The title of the status page the page shows when it has no rows.
        (The status page is in the tree also while the table shows.)"""
        titles = ('No Households Yet', 'No Prestigious Persons Yet', 'Nothing Matches',
                  'The list could not be read')
        for a in find_all(self.page, 'label'):
            if text(a) in titles:
                return text(a)
        return None

    def wait_rows(self, want, what):
        """Waits until the count and the first cells of the rows read want."""
        def check():
            rows = self.rows()
            return self.count() == len(want) and [r[0] if r else '' for r in rows] == want
        try:
            self.app.wait(check, what)
        except WaitTimeout as e:
            raise UIError('%s; the count reads %s and the rows %s'
                          % (e, self.count(), self.rows())) from None
        return self.rows()

    def select(self, index):
        if not Atspi.Selection.select_child(self.listview(), index):
            raise UIError('could not select row %d of the table' % index)
        self.app.wait(lambda: sensitive(self.button('Edit')),
                      'the Edit button to become sensitive once a row is selected')


def choose_section(app, window, section):
    """Chooses a section in the sidebar."""
    sections = app.wait_find(window, 'list', 'Sections', what='the sidebar "Sections"')
    items = [c for c in children(sections) if role(c) == 'list item']
    labels = [name(c) for c in items]
    if section not in labels:
        raise UIError('the sidebar has no "%s"; it has %s' % (section, labels))
    if not Atspi.Selection.select_child(sections, labels.index(section)):
        raise UIError('could not select "%s" in the sidebar' % section)
    app.wait(lambda: has_state(items[labels.index(section)], Atspi.StateType.SELECTED),
             'the sidebar to show "%s" selected' % section)
    app.wait(lambda: any(section in label_texts(t) for t in
                         find_all(window, pred=lambda a: name(a) == 'AdwWindowTitle')),
             'the title "%s" above the section' % section)


def toasts(window):
    """The toasts showing, also one sliding away."""
    return [t for t in walk(window, depth=3) if name(t) == 'AdwToastWidget']


def toast(window, prefix):
    """The toast whose title starts with prefix, or None. Toasts are near
    the top of the window (in its AdwToastOverlay): looking there only keeps
    the polling quick, and a toast is seen before it goes."""
    for t in toasts(window):
        if any(s.startswith(prefix) for s in label_texts(t)):
            return t
    return None


def entry(app, root, label):
    return app.wait_find(root, 'text', label, what='the field "%s"' % label)


def combo(app, root, label):
    return app.wait_find(root, 'combo box', label, what='the drop-down "%s"' % label)


def actions_of(acc):
    try:
        return [Atspi.Action.get_action_name(acc, i)
                for i in range(Atspi.Action.get_n_actions(acc))]
    except GLib.Error:
        return []


def open_menu_item(app, window, item):
    """Opens the main menu and chooses item in it."""
    menu = app.wait_find(window, 'push button', 'Main Menu',
                         pred=lambda a: 'click' in actions_of(a), what='the Main Menu button')
    do_action(menu)
    do_action(app.wait_find(window, 'menu item', item, what='the menu item "%s"' % item))


def marked_invalid(acc):
    # GTK 4.8 turns GTK_ACCESSIBLE_STATE_INVALID into the AT-SPI state
    # INVALID rather than INVALID_ENTRY (later versions: INVALID_ENTRY).
    return (has_state(acc, Atspi.StateType.INVALID_ENTRY) or
            has_state(acc, Atspi.StateType.INVALID))


# Running a test --------------------------------------------------------------

# What in the app's output fails a test: GLib criticals and warnings, the
# sanitizers' reports, and pixman's, which bypass GLib's log ("*** BUG ***",
# then "In pixman_region32_init_rect: Invalid rectangle passed") when GTK hands
# it the area of a widget scrolled out of view.
COMPLAINTS = ('-CRITICAL **', '-WARNING **', 'runtime error:', 'Sanitizer',
              '*** BUG ***', 'Invalid rectangle')


def run(test_name, steps, prepare=None, log_in=True):
    """Parses the arguments run-ui-test.sh passes, starts the app and runs
    steps(app, data_dir, shots), which ends by making the app quit. Returns
    the exit status: 0 when every step passed. prepare(data_dir), when given,
    runs before the app starts: to put records in its database. Unless
    log_in is False, the app is logged in to (App.log_in) before the steps."""
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument('--banso', required=True)
    parser.add_argument('--data-dir', required=True)
    parser.add_argument('--screenshots', required=True)
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    failure_shot = os.path.join(args.screenshots, 'failure-%s.png' % test_name)
    if os.path.exists(failure_shot):
        os.unlink(failure_shot)

    # Below meson's timeout, so that a test that takes too long still says
    # where it was and leaves its screenshot.
    total = int(os.environ.get('BANSO_UI_TOTAL_TIMEOUT', '210'))

    def too_long(signum, frame):
        raise UIError('the test took more than %d s (BANSO_UI_TOTAL_TIMEOUT)' % total)
    signal.signal(signal.SIGALRM, too_long)
    signal.alarm(total)

    app = App(args.banso, args.data_dir,
              os.path.join(args.screenshots, '%s.log' % test_name))
    try:
        if prepare is not None:
            prepare(args.data_dir)
        app.start(log_in=log_in)
        steps(app, args.data_dir, args.screenshots)
        if app.proc.poll() is None:
            raise UIError('the steps ended without closing the app')
        complaints = [line for line in app.output().splitlines()
                      if any(mark in line for mark in COMPLAINTS)]
        if complaints:
            raise UIError('the app complained:\n' + '\n'.join(complaints))
    except (UIError, GLib.Error, subprocess.SubprocessError, OSError) as e:
        print('FAIL: %s' % (e.message if isinstance(e, GLib.Error) else e), flush=True)
        if app.proc is not None and app.proc.poll() is None:
            try:
                screenshot(failure_shot)
            except Exception as shot_error:   # noqa: BLE001
                print('# (no screenshot of the failure: %s)' % shot_error)
        out = app.output()
        print('# the app\'s output:' + ('\n' + out if out else ' none'), flush=True)
        return 1
    finally:
        signal.alarm(0)
        app.kill()
    print('PASS', flush=True)
    return 0
