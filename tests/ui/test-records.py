#!/usr/bin/python3
# test-records.py: the Records section, driven as a person with a screen
# reader would drive it, through the accessibility tree.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens Banso on an empty data directory; adds a household by typing into the
# form, and sees a wrong citizen ID refused; finds the household by a search
# without diacritics; edits it; deletes it and takes the deletion back; looks
# at the Prestigious Persons section and at the Preferences; closes the
# window. Leaves a screenshot of each stage in the screenshot directory.
#
# Run by run-ui-test.sh (Xvfb, a D-Bus session, the accessibility bus):
#   test-records.py --banso BANSO --data-dir DIR --screenshots DIR

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bansoui import (Atspi, RecordsPage, UIError, WaitTimeout, children,  # noqa: E402
                     choose_section, combo, description, do_action, entry, find, has_state,
                     key, label_texts, log, name, marked_invalid, open_menu_item, role, run,
                     screenshot, sensitive, set_text, text, toast, toasts)

HEAD = 'Lò Văn Pơm'
HEAD_SEARCH = 'lo van pom'
SPOUSE = 'Lò Thị Ban'
PROVINCE = 'Tỉnh Sơn La'
COMMUNE = 'Phường Chiềng An'   # the first commune of Sơn La
CITIZEN_ID = '014085001234'    # Sơn La (014), a man born in the 1900s (0), in 1985
PHONE = '0912345678'
PICKER_SEARCH = 'muong'
PICKER_COMMUNE = 'Xã Mường Bú'


def member_rows(app, form):
    members = app.wait_find(form, 'list', 'Members', what='the list of members')
    return [r for r in children(members) if role(r) == 'list item']


def step_open(app, shots):
    log('1. the window opens on an empty database')
    main = app.window('Banso', timeout=60)
    households = RecordsPage(app, main, 'Add Household', 'household')
    app.wait(lambda: households.count() == 0 and households.status_title() == 'No Households Yet',
             'the empty list ("No Households Yet", "0 households")', timeout=60)
    if households.rows():
        raise UIError('the table of an empty database has rows: %s' % households.rows())
    screenshot(os.path.join(shots, 'records-empty.png'))
    return main, households


def pick_by_search(app, window_title, commune, typed, item, part):
    """The commune picker's search is folded and finds any part of a name:
    "muong" finds "Xã Mường Bú"; a search that finds nothing says so."""
    log('2a. the commune picker searched for "%s"' % typed)
    do_action(children(commune)[0])
    popover = app.wait(lambda: find(commune, pred=lambda a: name(a) == 'GtkPopover'),
                       'the list of the commune picker to open')
    search = app.wait_find(popover, 'entry', what='the search entry of the commune picker')
    set_text(search, 'zzz')
    app.wait(lambda: 'No commune matches “zzz”' in label_texts(popover),
             'the picker to say that no commune matches "zzz"')
    set_text(search, typed)
    listview = app.wait_find(popover, 'list', what='the communes of the picker')

    def shown():
        return [' '.join(t for t in label_texts(it) if t)
                for it in children(listview) if role(it) == 'list item']
    app.wait(lambda: item in shown() and all(part in n for n in shown()),
             'only communes with "%s", "%s" among them' % (part, item))
    # Chosen with the keyboard in the filtered list: Tab leaves the search
    # entry for the list, the arrow keys move, Return chooses.
    app.focus_window(window_title)
    key('Tab')

    def focused():
        items = [it for it in children(listview) if role(it) == 'list item']
        for i, it in enumerate(items):
            if has_state(it, Atspi.StateType.FOCUSED):
                return (i, ' '.join(t for t in label_texts(it) if t))
        return None
    for _ in range(40):
        at = app.wait(focused, 'an item of the filtered commune list to have the focus')
        if at[1] == item:
            break
        key('Down')
        time.sleep(0.1)
    key('Return')
    app.wait(lambda: app.dropdown_value(commune) == item,
             'the picker to show "%s"' % item)


def step_add(app, main, households, shots):
    log('2. a new household, typed into the form')
    do_action(households.add_button)
    form = app.window('New Household')

    province = combo(app, form, 'Province')
    app.wait(lambda: app.dropdown_value(province) == PROVINCE,
             'the province to default to "%s"' % PROVINCE)
    pick_by_search(app, 'New Household', combo(app, form, 'Commune'),
                   PICKER_SEARCH, PICKER_COMMUNE, 'Mường')
    pick_by_search(app, 'New Household', combo(app, form, 'Commune'),
                   'chieng an', COMMUNE, 'Chiềng An')

    rows = app.wait(lambda: member_rows(app, form), 'the row of the head of household')
    if len(rows) != 1:
        raise UIError('a new form should have one member row, it has %d' % len(rows))
    head = rows[0]
    relation = app.dropdown_value(combo(app, head, 'Relation to head of household'))
    if relation != 'Head of household':
        raise UIError('the first member is not the head of household but "%s"' % relation)
    set_text(entry(app, head, 'Full name'), HEAD)
    app.choose('New Household', combo(app, head, 'Sex'), 'Male')
    set_text(entry(app, head, 'Date or year of birth'), '1985')
    set_text(entry(app, head, 'Phone'), PHONE)

    save = app.wait_find(form, 'push button', 'Save')
    app.wait(lambda: sensitive(save), 'Save to become sensitive with the commune, name, sex, '
             'birth and phone filled in (the citizen ID may stay empty)')

    citizen = entry(app, head, 'Citizen ID')
    set_text(citizen, '12345')
    app.wait(lambda: any('12 digits' in t for t in label_texts(head)),
             'an error next to the citizen ID, saying it needs 12 digits')
    app.wait(lambda: not sensitive(save), 'Save to become insensitive with a wrong citizen ID')
    if '12 digits' not in description(citizen):
        raise UIError('a screen reader is not told what is wrong with the citizen ID: its '
                      'accessible description is "%s"' % description(citizen))
    if not marked_invalid(citizen):
        raise UIError('the wrong citizen ID is not marked invalid for screen readers')

    set_text(citizen, CITIZEN_ID)
    app.wait(lambda: not any('12 digits' in t for t in label_texts(head)),
             'the citizen ID error to go once the ID is right')
    app.wait(lambda: sensitive(save), 'Save to become sensitive again')
    if marked_invalid(citizen):
        raise UIError('the right citizen ID is still marked invalid')
    screenshot(os.path.join(shots, 'household-form.png'))

    do_action(save)
    saved = 'Saved the household of ' + HEAD
    app.wait_all({'the form to close after Save': lambda: app.find_window('New Household') is None,
                  'the toast "%s"' % saved: lambda: toast(main, saved),
                  'the new household in the list': lambda: households.count() == 1})
    rows = households.wait_rows([HEAD], 'the new household in the list')
    if rows[0][1] != COMMUNE or rows[0][-1] != '1':
        raise UIError('the new row reads %s; expected %s in %s with 1 member'
                      % (rows[0], HEAD, COMMUNE))


def step_search(app, main, households, shots):
    log('3. a search without diacritics finds the household')
    do_action(app.wait_find(main, 'push button', 'Search'))
    search = app.wait(lambda: (households.search_entry() is not None and
                               has_state(households.search_entry(), Atspi.StateType.FOCUSED) and
                               households.search_entry()),
                      'the search entry of the households, with the focus')

    set_text(search, 'xyz')
    households.wait_rows([], 'no household to match "xyz"')
    app.wait(lambda: households.status_title() == 'Nothing Matches',
             'the status "Nothing Matches"')

    set_text(search, HEAD_SEARCH)
    households.wait_rows([HEAD], 'the search "%s" to find "%s"' % (HEAD_SEARCH, HEAD))
    screenshot(os.path.join(shots, 'records-search.png'))

    set_text(search, '')
    households.wait_rows([HEAD], 'the whole list back once the search is cleared')


def step_edit(app, main, households, shots):
    log('4. edit: a spouse joins the household')
    households.select(0)
    do_action(households.button('Edit'))
    form = app.window('Edit Household')

    commune = combo(app, form, 'Commune')
    try:
        app.wait(lambda: app.dropdown_value(commune) == COMMUNE,
                 'the form to show the commune the household was saved with, "%s"' % COMMUNE)
    except WaitTimeout as e:
        raise UIError('%s: it shows "%s"' % (e, app.dropdown_value(commune))) from None
    head_name = entry(app, form, 'Full name')
    app.wait(lambda: text(head_name) == HEAD, 'the name of the head in the form')

    do_action(app.wait_find(form, 'push button', 'Add Member'))
    rows = app.wait(lambda: len(member_rows(app, form)) == 2 and member_rows(app, form),
                    'a second member row')
    spouse = rows[1]
    set_text(entry(app, spouse, 'Full name'), SPOUSE)
    app.choose('Edit Household', combo(app, spouse, 'Relation to head of household'), 'Spouse')
    app.choose('Edit Household', combo(app, spouse, 'Sex'), 'Female')
    set_text(entry(app, spouse, 'Date or year of birth'), '1987')

    save = app.wait_find(form, 'push button', 'Save')
    app.wait(lambda: sensitive(save), 'Save to become sensitive')
    do_action(save)
    app.wait(lambda: app.find_window('Edit Household') is None, 'the form to close after Save')
    try:
        app.wait(lambda: households.rows() and households.rows()[0][-1] == '2',
                 'the list to show 2 members in the household')
    except WaitTimeout as e:
        raise UIError('%s; it reads %s' % (e, households.rows())) from None


def step_delete_undo(app, main, households, shots):
    log('5. delete, then Undo')
    households.select(0)
    do_action(households.button('Delete'))
    removed = 'Removed ' + HEAD
    removed = app.wait_all({'the toast "%s"' % removed: lambda: toast(main, removed),
                            'the household to leave the list': lambda: households.count() == 0}
                           )['the toast "%s"' % removed]
    households.wait_rows([], 'the household to leave the list')
    # The Undo waits for the user: still there well after a toast's usual
    # few seconds (it used to go after 10).
    time.sleep(12)
    if toast(main, 'Removed ' + HEAD) is None:
        raise UIError('the Undo toast went by itself within 12 s of the removal')
    do_action(app.wait_find(removed, 'push button', 'Undo', what='the Undo button of the toast'))
    app.wait_all({'the toast "Restored"': lambda: toast(main, 'Restored'),
                  'the household back after Undo': lambda: households.count() == 1})
    rows = households.wait_rows([HEAD], 'the household back after Undo')
    if rows[0][-1] != '2':
        raise UIError('the restored household reads %s; expected its 2 members' % rows[0])
    # For the screenshot: the toast before "Restored" done sliding away.
    app.wait(lambda: len(toasts(main)) == 1, 'one toast on screen')
    screenshot(os.path.join(shots, 'records.png'))


def step_prestige(app, main, shots):
    log('6. the Prestigious Persons section')
    choose_section(app, main, 'Prestigious Persons')
    prestige = RecordsPage(app, main, 'Add Person', 'person')
    app.wait(lambda: prestige.count() == 0 and
             prestige.status_title() == 'No Prestigious Persons Yet',
             'the empty list of prestigious persons')
    screenshot(os.path.join(shots, 'prestige.png'))


def step_preferences(app, main, data_dir, shots):
    log('7. the Preferences, from the main menu')
    open_menu_item(app, main, 'Preferences')
    prefs = app.window('Preferences')
    try:
        labels = app.wait(lambda: 'Database file' in label_texts(prefs) and label_texts(prefs),
                          'the Preferences to show their rows')
    except WaitTimeout as e:
        raise UIError('%s; they read %s' % (e, label_texts(prefs))) from None
    for want in ('Working as', 'Database file', 'Check the database'):
        if want not in labels:
            raise UIError('the Preferences have no row "%s"; they read %s' % (want, labels))
    database = os.path.join(data_dir, 'banso.db')
    if database not in labels and os.path.realpath(database) not in labels:
        raise UIError('the Preferences do not show the database %s; they read %s'
                      % (database, labels))
    time.sleep(0.5)   # the menu's popover fading out, for the screenshot
    screenshot(os.path.join(shots, 'preferences.png'))
    do_action(app.wait_find(prefs, 'push button', 'Close'))
    app.wait(lambda: app.find_window('Preferences') is None, 'the Preferences to close')


def steps(app, data_dir, shots):
    main, households = step_open(app, shots)
    step_add(app, main, households, shots)
    step_search(app, main, households, shots)
    step_edit(app, main, households, shots)
    step_delete_undo(app, main, households, shots)
    step_prestige(app, main, shots)
    step_preferences(app, main, data_dir, shots)
    log('8. close the window')
    app.quit()


if __name__ == '__main__':
    sys.exit(run('test-records', steps))
