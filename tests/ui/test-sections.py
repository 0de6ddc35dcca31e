#!/usr/bin/python3
# test-sections.py: the Prestigious Persons section and the keyboard
# shortcuts, driven from outside through the accessibility tree and the
# keyboard.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens Banso on an empty data directory; goes to Prestigious Persons; adds a
# person with Ctrl+N, types the form and saves it with Ctrl+S; finds the
# person with Ctrl+F and a search without diacritics, and closes the search
# with Escape; opens the Keyboard Shortcuts (Ctrl+?) and the About window;
# quits with Ctrl+Q.
#
# Run by run-ui-test.sh (Xvfb, a D-Bus session, the accessibility bus):
#   test-sections.py --banso BANSO --data-dir DIR --screenshots DIR

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bansoui import (Atspi, RecordsPage, UIError, WaitTimeout, choose_section, combo,  # noqa: E402
                     do_action, entry, has_state, key, label_texts, log,
                     open_menu_item, run, screenshot, sensitive, set_text)

PERSON = 'Quàng Văn Hặc'
PERSON_SEARCH = 'quang van hac'
COMMUNE = 'Phường Chiềng An'
YEAR = 2023
AREA = 'Bản Mòng'


def pressed(acc):
    return (has_state(acc, Atspi.StateType.PRESSED) or
            has_state(acc, Atspi.StateType.CHECKED))


def steps(app, data_dir, shots):
    log('1. the window opens; the Prestigious Persons section')
    main = app.window('Banso', timeout=60)
    households = RecordsPage(app, main, 'Add Household', 'household')
    app.wait(lambda: households.count() == 0, 'the empty list of households', timeout=60)
    choose_section(app, main, 'Prestigious Persons')
    prestige = RecordsPage(app, main, 'Add Person', 'person')
    app.wait(lambda: prestige.count() == 0 and
             prestige.status_title() == 'No Prestigious Persons Yet',
             'the empty list of prestigious persons')

    log('2. Ctrl+N: a new prestigious person')
    app.focus_window('Banso')
    key('ctrl+n')
    try:
        form = app.window('New Prestigious Person')
    except WaitTimeout as e:
        raise UIError('%s: Ctrl+N ("Add a record" in the Keyboard Shortcuts) did not open the '
                      'form of the section shown' % e) from None
    set_text(entry(app, form, 'Full name'), PERSON)
    app.choose('New Prestigious Person', combo(app, form, 'Commune'), COMMUNE)
    year = app.wait_find(form, 'spin button', 'Year recognised')
    if not Atspi.Value.set_current_value(year, YEAR):
        raise UIError('could not set the year recognised')
    set_text(entry(app, form, 'Area of influence'), AREA)
    save = app.wait_find(form, 'push button', 'Save')
    app.wait(lambda: sensitive(save), 'Save to become sensitive')
    screenshot(os.path.join(shots, 'prestige-form.png'))

    log('3. Ctrl+S saves the form')
    app.focus_window('New Prestigious Person')
    key('ctrl+s')
    app.wait(lambda: app.find_window('New Prestigious Person') is None,
             'the form to close after Ctrl+S')
    rows = prestige.wait_rows([PERSON], 'the new person in the list')
    want = [PERSON, COMMUNE, '', '', str(YEAR), AREA]
    if rows[0] != want:
        raise UIError('the new row reads %s; expected %s' % (rows[0], want))

    log('4. Ctrl+F, a search without diacritics, Escape')
    search_button = app.wait_find(main, 'push button', 'Search')
    app.focus_window('Banso')
    key('ctrl+f')
    search = app.wait(lambda: (prestige.search_entry() is not None and
                               has_state(prestige.search_entry(), Atspi.StateType.FOCUSED) and
                               prestige.search_entry()),
                      'Ctrl+F to put the focus in the search entry of the section')
    set_text(search, 'xyz')
    prestige.wait_rows([], 'no person to match "xyz"')
    app.wait(lambda: prestige.status_title() == 'Nothing Matches', 'the status "Nothing Matches"')
    set_text(search, PERSON_SEARCH)
    prestige.wait_rows([PERSON], 'the search "%s" to find "%s"' % (PERSON_SEARCH, PERSON))
    if not pressed(search_button):
        raise UIError('the Search button does not read as pressed while searching')
    screenshot(os.path.join(shots, 'prestige-search.png'))
    key('Escape')
    app.wait(lambda: not pressed(search_button), 'Escape to close the search')
    prestige.wait_rows([PERSON], 'the whole list back once the search is closed')

    log('5. the Keyboard Shortcuts (Ctrl+?)')
    app.focus_window('Banso')
    key('ctrl+question')
    try:
        shortcuts = app.window('Keyboard Shortcuts')
    except WaitTimeout as e:
        raise UIError('%s; the windows are named %s' % (e, [w.get_name() for w in app.windows()])) \
            from None
    for want in ('Search', 'Add a record', 'Remove the selected record', 'Quit'):
        if want not in label_texts(shortcuts):
            raise UIError('the Keyboard Shortcuts do not list "%s"' % want)
    screenshot(os.path.join(shots, 'shortcuts.png'))
    do_action(app.wait_find(shortcuts, 'push button', 'Close'))
    app.wait(lambda: app.find_window('Keyboard Shortcuts') is None,
             'the Keyboard Shortcuts to close')

    log('6. About Banso, from the main menu')
    open_menu_item(app, main, 'About Banso')
    about = app.window('About')
    app.wait(lambda: 'Banso' in label_texts(about), 'the name of the app in the About window')
    screenshot(os.path.join(shots, 'about.png'))
    # Escape, as a keyboard user would: of the About window's nine "Close"
    # buttons (one a page, most never shown) AT-SPI cannot tell which shows.
    app.focus_window('About')
    key('Escape')
    app.wait(lambda: app.find_window('About') is None, 'Escape to close the About window')

    log('7. Ctrl+Q')
    app.quit_by_keyboard()


if __name__ == '__main__':
    sys.exit(run('test-sections', steps))
