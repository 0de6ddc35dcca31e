#!/usr/bin/python3
# test-users.py: users and login, driven as a person with a screen reader
# would drive them, through the accessibility tree.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens Banso on an empty data directory: the first start asks for the first
# administrator (two different passwords are refused), who then adds a
# commune official of two communes in Preferences → Users. Logs out; a wrong
# password is refused with a message; the official logs in and the commune
# filter of the households offers only her two communes. Ctrl+L locks the
# window, with her login name kept; she unlocks it. The administrator
# disables her, and her next login is refused. Leaves a screenshot of each
# stage in the screenshot directory.
#
# Run by run-ui-test.sh (Xvfb, a D-Bus session, the accessibility bus):
#   test-users.py --banso BANSO --data-dir DIR --screenshots DIR

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import subprocess  # noqa: E402

from bansoui import (TEST_LOGIN, TEST_NAME, TEST_PASSWORD, WRONG_PASSWORD,  # noqa: E402
                     RecordsPage, UIError, children, click, combo, description, do_action,
                     find, find_all, key, label_texts, log, matches, name, open_menu_item,
                     role, run, screenshot, sensitive, set_text, text)

OFFICIAL = 'xuan'
OFFICIAL_NAME = 'Lò Thị Xuân'
OFFICIAL_PASSWORD = 'bản-mòng-2026'
COMMUNES = ['Phường Chiềng An', 'Phường Chiềng Cơi']   # the first two of Sơn La by name
OUTSIDE = 'Phường Tô Hiệu'
# One household in her commune, one outside, imported before the first start.
CSV = """household,commune_code,member_name,relation
1,03664,Lò Văn Pơm,head
2,03646,Quàng Văn Inh,head
"""


def working_as(app, main, who):
    app.wait(lambda: any(t.startswith('Working as %s,' % who) for t in label_texts(main)),
             'the header bar to say "Working as %s"' % who)


def problem_shown(win):
    label = find(win, 'label', pred=lambda a: description(a) == 'Login problem' and text(a))
    return text(label) if label is not None else None


def step_first_admin(app, shots):
    log('1. the first start asks for the first administrator')
    main, button = app.login_page(timeout=60)
    if not matches(name(button), 'Create Administrator'):
        raise UIError('an empty database shows "%s", not "Create Administrator"' % name(button))
    if 'Create the First Administrator' not in label_texts(main):
        raise UIError('the page does not say what it is for; it reads %s' % label_texts(main))
    set_text(app.wait_find(main, 'text', 'Login name'), TEST_LOGIN)
    set_text(app.wait_find(main, 'text', 'Full name'), TEST_NAME)
    set_text(app.wait_find(main, 'password text',
                           pred=lambda a: name(a) in ('Password', 'Password Password')),
             TEST_PASSWORD)
    set_text(app.wait_find(main, 'password text', 'Password again'), 'something else')
    do_action(button)
    app.wait(lambda: problem_shown(main) == 'The two passwords are not the same.',
             'the page to say the two passwords differ')
    screenshot(os.path.join(shots, 'users-first-admin.png'))

    app.log_in()
    working_as(app, main, TEST_NAME)
    return main


def step_add_official(app, main, shots):
    log('2. the administrator adds a commune official in Preferences → Users')
    open_menu_item(app, main, 'Preferences')
    prefs = app.window('Preferences')
    do_action(app.wait_find(prefs, 'page tab', 'Users', what='the Users page in the switcher'))
    group_add = app.wait_find(prefs, 'push button', 'Add User')
    app.wait(lambda: TEST_NAME in label_texts(prefs), 'the administrator in the list of users')
    do_action(group_add)

    dialog = app.window('New User')
    set_text(app.wait_find(dialog, 'text', 'Login name'), OFFICIAL)
    set_text(app.wait_find(dialog, 'text', 'Full name'), OFFICIAL_NAME)
    role_drop = combo(app, dialog, 'Role')
    if app.dropdown_value(role_drop) != 'Commune official':
        app.choose('New User', role_drop, 'Commune official')
    set_text(app.wait_find(dialog, 'password text',
                           pred=lambda a: name(a) in ('Password', 'Password Password')),
             OFFICIAL_PASSWORD)
    set_text(app.wait_find(dialog, 'password text', 'Password again'), OFFICIAL_PASSWORD)

    # Saving without a commune is refused by the core, with its reason.
    do_action(app.wait_find(dialog, 'push button', 'Save'))
    app.wait(lambda: any('needs at least one commune' in t for t in label_texts(dialog)),
             'the dialog to say an official needs a commune')

    for commune in COMMUNES:
        check = app.wait_find(dialog, 'check box', commune, what='the commune "%s"' % commune)
        click(check)
    time.sleep(0.3)
    screenshot(os.path.join(shots, 'users-new-official.png'))
    do_action(app.wait_find(dialog, 'push button', 'Save'))
    app.wait(lambda: app.find_window('New User') is None, 'the dialog to close once saved')
    app.wait(lambda: OFFICIAL_NAME in label_texts(prefs), 'the official in the list of users')
    subtitle = [t for t in label_texts(prefs) if t.startswith(OFFICIAL + ' · ')]
    if not subtitle or COMMUNES[0] not in subtitle[0] or COMMUNES[1] not in subtitle[0]:
        raise UIError('the row of the official does not name her communes: %s' % subtitle)
    time.sleep(0.3)
    screenshot(os.path.join(shots, 'users-list.png'))
    do_action(app.wait_find(prefs, 'push button', 'Close'))
    app.wait(lambda: app.find_window('Preferences') is None, 'the Preferences to close')


def step_wrong_password(app, main, shots):
    log('3. log out; a wrong password is refused')
    open_menu_item(app, main, 'Log Out')
    win, button = app.login_page()
    login = app.wait_find(win, 'text', 'Login name')
    app.wait(lambda: text(login) == '', 'the login name to be empty after Log Out')
    problem = app.try_log_in(OFFICIAL, 'not her password')
    if problem != WRONG_PASSWORD:
        raise UIError('a wrong password gave "%s", not "%s"' % (problem, WRONG_PASSWORD))
    screenshot(os.path.join(shots, 'users-wrong-password.png'))


def step_official(app, main, shots):
    log('4. the official logs in and sees only her communes in the filter')
    app.log_in(OFFICIAL, OFFICIAL_PASSWORD)
    working_as(app, main, OFFICIAL_NAME)
    commune = app.wait(lambda: next((c for c in find_all(main, 'combo box', 'Commune')
                                     if app.dropdown_value(c) == 'All communes'), None),
                       'the commune filter of the households')
    do_action(children(commune)[0])
    popover = app.wait(lambda: find(commune, pred=lambda a: name(a) == 'GtkPopover'),
                       'the commune filter to open')
    listview = app.wait_find(popover, 'list', what='the items of the commune filter')

    def items():
        return [' '.join(t for t in label_texts(it) if t)
                for it in children(listview) if role(it) == 'list item']
    want = ['All communes'] + COMMUNES
    app.wait(lambda: items() == want, 'the filter to offer %s' % want)
    time.sleep(0.3)
    screenshot(os.path.join(shots, 'users-official-filter.png'))
    key('Escape')
    scope = ', '.join(COMMUNES)
    app.wait(lambda: any(t.endswith(' · ' + scope) for t in label_texts(main)),
             'the subtitle of the list to name her communes, "%s"' % scope)

    log('   a household outside her communes opens read-only, with the reason')
    households = RecordsPage(app, main, 'Add Household', 'household')
    app.wait(lambda: households.count() == 2, 'the two households in the list')
    names = [r[0] if r else '' for r in households.rows()]
    households.select(names.index('Quàng Văn Inh'))
    do_action(households.button('Edit'))
    form = app.window('Edit Household')
    reason = ('This household is in %s, which is not one of your communes: '
              'you may look at it but not change it.' % OUTSIDE)
    app.wait(lambda: reason in label_texts(form), 'the form to say why it is read-only')
    save = find(form, 'push button', 'Save')
    if save is not None and sensitive(save):
        raise UIError('the form of a household outside her communes can be saved')
    time.sleep(0.3)
    screenshot(os.path.join(shots, 'users-read-only.png'))
    do_action(app.wait_find(form, 'push button', 'Cancel'))
    app.wait(lambda: app.find_window('Edit Household') is None, 'the form to close')


def step_lock(app, main, shots):
    log('5. Ctrl+L locks the window; the official unlocks it')
    app.focus_window('Banso')
    key('ctrl+l')
    win, button = app.login_page()
    app.wait(lambda: 'Banso Is Locked' in label_texts(win), 'the page to say Banso is locked')
    login = app.wait_find(win, 'text', 'Login name')
    app.wait(lambda: text(login) == OFFICIAL, 'her login name to be filled in')
    screenshot(os.path.join(shots, 'users-locked.png'))
    app.log_in(OFFICIAL, OFFICIAL_PASSWORD)
    working_as(app, main, OFFICIAL_NAME)


def open_user_dialog(app, prefs, user_name):
    """Opens the dialog of a user from the Users page. The page fills its list
    once the users are read, which may be just after its first rows appear: a
    button found before that is gone, and its action does nothing. Then the
    button is found again."""
    for attempt in range(3):
        do_action(app.wait_find(prefs, 'push button', 'Edit ' + user_name))
        try:
            return app.window('Edit User', timeout=5)
        except UIError:
            if attempt == 2:
                raise
    return None


def step_disable(app, main, shots):
    log('6. the administrator disables the official; her login is refused')
    open_menu_item(app, main, 'Log Out')
    app.log_in()
    working_as(app, main, TEST_NAME)
    open_menu_item(app, main, 'Preferences')
    prefs = app.window('Preferences')
    do_action(app.wait_find(prefs, 'page tab', 'Users'))
    dialog = open_user_dialog(app, prefs, OFFICIAL_NAME)
    switch = app.wait_find(dialog, pred=lambda a: matches(name(a), 'Can log in') and
                           role(a) in ('switch', 'toggle button', 'check box'),
                           what='the switch "Can log in"')
    click(switch)
    do_action(app.wait_find(dialog, 'push button', 'Save'))
    app.wait(lambda: app.find_window('Edit User') is None, 'the dialog to close once saved')
    app.wait(lambda: any(t.startswith(OFFICIAL + ' · ') and t.endswith('disabled')
                         for t in label_texts(prefs)), 'the official shown as disabled')
    do_action(app.wait_find(prefs, 'push button', 'Close'))
    app.wait(lambda: app.find_window('Preferences') is None, 'the Preferences to close')

    open_menu_item(app, main, 'Log Out')
    problem = app.try_log_in(OFFICIAL, OFFICIAL_PASSWORD)
    if not problem or OFFICIAL_NAME not in problem or 'disabled' not in problem:
        raise UIError('a disabled user got "%s"' % problem)
    screenshot(os.path.join(shots, 'users-disabled.png'))
    app.log_in()


def steps(app, data_dir, shots):
    main = step_first_admin(app, shots)
    step_add_official(app, main, shots)
    step_wrong_password(app, main, shots)
    step_official(app, main, shots)
    step_lock(app, main, shots)
    step_disable(app, main, shots)
    app.quit()


def prepare(data_dir):
    path = os.path.join(data_dir, 'households.csv')
    with open(path, 'w') as f:
        f.write(CSV)
    subprocess.run([os.environ['BANSO_CLI'], '--data-dir', data_dir, 'import', 'households', path],
                   check=True, capture_output=True)


if __name__ == '__main__':
    os.environ.setdefault('BANSO_UI_TOTAL_TIMEOUT', '390')
    sys.exit(run('users', steps, prepare=prepare, log_in=False))
