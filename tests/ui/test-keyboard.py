#!/usr/bin/python3
# test-keyboard.py: the typing aid, driven as a person with a mouse and a screen
# reader would drive it, through the accessibility tree.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens Banso on an empty data directory; puts the cursor in the search of the
# households; shows the on-screen keyboard with Ctrl+Shift+K; switches its
# language with Ctrl+Shift+L and chooses Thái (Tai Viet script) again in its
# drop-down; clicks keys in the order the words are spoken and checks that the
# search field holds them in Unicode's visual order, NFC, with the focus still
# in it; takes a pre-base vowel back with Backspace; types with the computer's
# keys once Physical Keys is on, and plain letters once it is off; looks for the shortcuts in
# the shortcuts window; hides the keyboard again. Leaves a screenshot of each
# stage in the screenshot directory.
#
# Run by run-ui-test.sh (Xvfb, a D-Bus session, the accessibility bus):
#   test-keyboard.py --banso BANSO --data-dir DIR --screenshots DIR

import os
import sys
import unicodedata

from gi.repository import Atspi as _Atspi  # noqa: E402

PRESSED = _Atspi.StateType.PRESSED

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bansoui import (Atspi, RecordsPage, UIError, WaitTimeout, children, click,  # noqa: E402
                     combo, do_action, find, find_all, has_state, key, label_texts, log,
                     name, open_menu_item, role, run, screenshot, sensitive, text)

TAI_VIET = 'Thái (Tai Viet script)'
THAI_LATIN = 'Thái (Latin script)'

# Keys in spoken order, as (Shift?, label), and the text they must give.
# ꪼꪕꪒꪾ (Tai Dam, the language's own name in CLDR): t-ai d-am, ꪼ written first.
# ꪵꪀ꪿ꪙ: k-e-n with the tone mark mai ek, typed last as it is heard.
WORDS = [
    (True, 'ꪕ'), (False, 'ꪼ'), (False, 'ꪒ'), (True, '◌ꪾ'),
    (None, 'Space'),
    (False, 'ꪀ'), (False, 'ꪵ'), (True, 'ꪙ'), (False, '◌꪿'),
]
EXPECTED = 'ꪼꪕꪒꪾ ꪵꪀ꪿ꪙ'


def keyboard_panel(app, main):
    return app.wait_find(main, pred=lambda a: name(a) == 'On-screen Keyboard' and
                         role(a) not in ('push button', 'toggle button'),
                         what='the on-screen keyboard')


def key_button(app, panel, label):
    return app.wait_find(panel, 'push button', pred=lambda a: name(a) == label,
                         what='the key "%s"' % label)


def shown(acc):
    try:
        ext = Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW)
    except Exception:   # noqa: BLE001
        return False
    return ext.width > 0 and ext.height > 0


def step_open(app, shots):
    log('1. the window opens; the cursor goes into the search of the households')
    main = app.window('Banso', timeout=60)
    households = RecordsPage(app, main, 'Add Household', 'household')
    app.wait(lambda: households.status_title() == 'No Households Yet',
             'the empty list', timeout=60)
    do_action(app.wait_find(main, 'push button', 'Search'))
    search = app.wait(lambda: (households.search_entry() is not None and
                               has_state(households.search_entry(), Atspi.StateType.FOCUSED) and
                               households.search_entry()),
                      'the search entry of the households, with the focus')
    return main, households, search


def step_show(app, main, search, shots):
    log('2. Ctrl+Shift+K shows the keyboard; the focus stays in the search')
    toggle = app.wait_find(main, 'push button', 'On-screen Keyboard')
    if has_state(toggle, PRESSED):
        raise UIError('the keyboard is shown before it is asked for')
    app.focus_window('Banso')
    key('ctrl+shift+k')
    app.wait(lambda: has_state(toggle, PRESSED),
             'the keyboard button in the header bar to be pressed')
    panel = keyboard_panel(app, main)
    space = key_button(app, panel, 'Space')
    app.wait(lambda: shown(space), 'the keys to slide in')
    if not has_state(search, Atspi.StateType.FOCUSED):
        raise UIError('showing the keyboard took the focus from the search')
    language = combo(app, panel, 'Keyboard Language')
    app.wait(lambda: app.dropdown_value(language) == TAI_VIET,
             'the keyboard to start in %s' % TAI_VIET)
    screenshot(os.path.join(shots, 'keyboard-shown.png'))
    return panel, language


def step_language(app, main, panel, language, search, shots):
    log('3. Ctrl+Shift+L switches the language; the drop-down chooses it back')
    app.focus_window('Banso')
    key('ctrl+shift+l')
    app.wait(lambda: app.dropdown_value(language) == THAI_LATIN,
             'Ctrl+Shift+L to switch to %s' % THAI_LATIN)
    key_button(app, panel, 'ơ')
    screenshot(os.path.join(shots, 'keyboard-thai-latin.png'))
    app.choose('Banso', language, TAI_VIET)
    key_button(app, panel, 'ꪀ')
    # The drop-down's list is a window of its own: with no window manager under Xvfb, the
    # main window gets the keyboard back only when asked. The cursor must then be in the
    # search again, not on the drop-down.
    app.focus_window('Banso')
    app.wait(lambda: has_state(search, Atspi.StateType.FOCUSED),
             'the focus to go back to the search after choosing the language')


def type_words(app, panel, search, words):
    shift = app.wait_find(panel, 'push button', 'Shift')
    for shifted, label in words:
        if shifted:
            click(shift)
            app.wait(lambda: has_state(shift, PRESSED), 'Shift to be pressed')
        button = key_button(app, panel, label)
        before = text(search)
        click(button)
        app.wait(lambda: text(search) != before, 'the key "%s" to type' % label)
        if shifted is not None and has_state(shift, PRESSED):
            raise UIError('Shift stayed down after the key "%s"' % label)


def step_type(app, main, panel, search, shots):
    log('4. keys clicked in spoken order give the words in visual order')
    type_words(app, panel, search, WORDS)
    got = text(search)
    if got != EXPECTED:
        raise UIError('the search reads %r (%s), not %r (%s)'
                      % (got, ' '.join('U+%04X' % ord(c) for c in got),
                         EXPECTED, ' '.join('U+%04X' % ord(c) for c in EXPECTED)))
    if unicodedata.normalize('NFC', got) != got:
        raise UIError('the search text is not NFC')
    if not has_state(search, Atspi.StateType.FOCUSED):
        focused = [(role(a), name(a)) for a in find_all(main, pred=lambda a: has_state(a, Atspi.StateType.FOCUSED))]
        raise UIError('clicking the keys took the focus from the search; focused: %s' % focused)
    screenshot(os.path.join(shots, 'keyboard-typed.png'))


def step_backspace(app, main, panel, search, shots):
    log('5. Backspace takes back the pre-base vowel typed last')
    type_words(app, panel, search, [(None, 'Space'), (False, 'ꪀ'), (False, 'ꪵ')])
    if text(search) != EXPECTED + ' ꪵꪀ':
        raise UIError('the search reads %r after ꪀ ꪵ' % text(search))
    click(key_button(app, panel, 'Backspace'))
    app.wait(lambda: text(search) == EXPECTED + ' ꪀ',
             'Backspace to leave the consonant (the search reads %r)' % text(search))


def step_physical(app, main, panel, search, shots):
    log('6. with Physical Keys on, the computer\'s keys type Tai Viet, in spoken order too, '
        'except while an input method composes')
    physical = app.wait_find(panel, 'push button', 'Physical Keys')
    click(physical)
    app.wait(lambda: has_state(physical, PRESSED), 'Physical Keys to be pressed')
    if not has_state(search, Atspi.StateType.FOCUSED):
        raise UIError('Physical Keys took the focus from the search')
    before = text(search)
    app.focus_window('Banso')
    # space k e Shift+n r: ꪀ, ꪵ, ꪙ (high no), the tone mai ek.
    key('space', 'k', 'e', 'shift+n', 'r')
    want = before + ' ꪵꪀ꪿ꪙ'
    app.wait(lambda: text(search) == want,
             'the keys to type %r (the search reads %r)' % (want, text(search)))
    # Backspace is the composer's: after k e (ꪵꪀ) it takes back the vowel, not the ꪀ
    # at the end that GTK's own Backspace would delete.
    key('space', 'k', 'e')
    app.wait(lambda: text(search) == want + ' ꪵꪀ', 'k e to type ꪵꪀ (the search reads %r)'
             % text(search))
    key('BackSpace')
    app.wait(lambda: text(search) == want + ' ꪀ',
             'Backspace to take the vowel back (the search reads %r)' % text(search))
    # Ctrl and the keys the layout has not still work as always.
    key('ctrl+a', 'Delete')
    app.wait(lambda: text(search) == '', 'Ctrl+A and Delete to empty the search')

    # An input method composing: GTK's own, with Ctrl+Shift+U, shows the code point it is
    # given as a preedit. Its keys (a, 8, 0: Tai Viet letters with Physical Keys on) must
    # all reach it, and the panel's keys must wait, until it commits.
    key('ctrl+shift+u')
    ka = key_button(app, panel, 'ꪀ')
    app.wait(lambda: not sensitive(ka), 'the keys to wait while the input method composes')
    key('a', 'a', '8', '0')
    screenshot(os.path.join(shots, 'keyboard-input-method.png'))
    if text(search) not in ('', None) and 'ꪱ' in text(search):
        raise UIError('a key went to the keyboard while the input method was composing: %r'
                      % text(search))
    key('space')
    app.wait(lambda: text(search) == 'ꪀ',
             'the input method to commit U+AA80 (the search reads %r)' % text(search))
    app.wait(lambda: sensitive(ka), 'the keys to come back once the input method is done')
    key('e')
    app.wait(lambda: text(search) == 'ꪵꪀ',
             'the next key to be the keyboard\'s again (the search reads %r)' % text(search))
    key('ctrl+a', 'Delete')
    app.wait(lambda: text(search) == '', 'Ctrl+A and Delete to empty the search')
    click(physical)
    app.wait(lambda: not has_state(physical, PRESSED), 'Physical Keys to be released')
    key('k')
    app.wait(lambda: text(search) == 'k', 'a plain k once Physical Keys is off')
    screenshot(os.path.join(shots, 'keyboard-physical.png'))


def step_shortcuts(app, main, shots):
    log('7. the shortcuts window lists the keyboard\'s shortcuts')
    open_menu_item(app, main, 'Keyboard Shortcuts')
    shortcuts = app.window('Keyboard Shortcuts')
    for title in ('Show or hide the on-screen keyboard', 'Switch the keyboard language'):
        app.wait(lambda: title in label_texts(shortcuts), 'the shortcut "%s"' % title)
    screenshot(os.path.join(shots, 'keyboard-shortcuts.png'))
    do_action(app.wait_find(shortcuts, 'push button', 'Close',
                            pred=lambda a: shown(a), what='the Close button of the shortcuts'))
    app.wait(lambda: app.find_window('Keyboard Shortcuts') is None,
             'the shortcuts window to close')


def step_hide(app, main, shots):
    log('8. the close button of the keyboard hides it')
    panel = keyboard_panel(app, main)
    do_action(app.wait_find(panel, 'push button', 'Hide the Keyboard'))
    toggle = app.wait_find(main, 'push button', 'On-screen Keyboard')
    app.wait(lambda: not has_state(toggle, PRESSED),
             'the keyboard button to be released')


def steps(app, data_dir, shots):
    main, households, search = step_open(app, shots)
    panel, language = step_show(app, main, search, shots)
    step_language(app, main, panel, language, search, shots)
    step_type(app, main, panel, search, shots)
    step_backspace(app, main, panel, search, shots)
    step_physical(app, main, panel, search, shots)
    step_shortcuts(app, main, shots)
    step_hide(app, main, shots)
    app.quit()


if __name__ == '__main__':
    sys.exit(run('keyboard', steps))
