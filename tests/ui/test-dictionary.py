#!/usr/bin/python3
# test-dictionary.py: the Dictionary section looks words up as they are
# typed, in both directions, shows the entry and plays its pronunciation.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Before the app starts, imports with banso-cli a LIFT file written here
# whose entry has a three-second recording made with GStreamer, and the Lotud
# dictionary of FieldWorks. Then: goes to the Dictionary, types a headword
# and sees it first; opens it; plays its pronunciation and sees the button
# turn into Stop while it plays and back when it ends; types a gloss word
# (reverse lookup) and finds the entry; types a word that is not there and
# is offered the nearest headwords; marks an entry as favourite and finds it
# in Favourites once the search is cleared; edits the entry in its form,
# which refuses Latin letters in the Tai Viet field and saves a new gloss.
# Leaves screenshots.
#
# Run by run-ui-test.sh (Xvfb, a D-Bus session, the accessibility bus):
#   test-dictionary.py --banso BANSO --data-dir DIR --screenshots DIR

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bansoui import (App, UIError, children, choose_section, click, description,  # noqa: E402
                     do_action, find, find_all, key, label_texts, log, name, role, run,
                     screenshot, sensitive, set_text, text)
from gi.repository import Atspi  # noqa: E402

# The FieldWorks exports of the reference data (meson's option dict_test_data).
SHARED = os.environ.get('BANSO_DICT_TEST_DATA', '/work/shared/data/dict')

LIFT = '''<?xml version="1.0" encoding="UTF-8"?>
<lift producer="Banso test" version="0.13">
<entry id="kau_1" guid="0f3c7c52-4c1e-4c3a-9d0e-1b2a3c4d5e6f">
<lexical-unit><form lang="blt-Tavt"><text>\uaab9\uaa80\uaab7</text></form>
<form lang="blt-Latn"><text>kâu</text></form></lexical-unit>
<pronunciation><form lang="blt-fonipa"><text>kau˧</text></form><media href="kau.ogg"/></pronunciation>
<sense id="kau_s1"><grammatical-info value="Noun"/>
<gloss lang="vi"><text>lúa</text></gloss><gloss lang="en"><text>rice plant</text></gloss>
<definition><form lang="vi"><text>Cây lúa trồng ở ruộng nước.</text></form></definition>
<example><form lang="blt-Latn"><text>kâu nả</text></form>
<translation type="Free translation"><form lang="vi"><text>lúa ruộng</text></form></translation></example>
</sense>
</entry>
<entry id="na_1" guid="1f3c7c52-4c1e-4c3a-9d0e-1b2a3c4d5e6f">
<lexical-unit><form lang="blt-Latn"><text>nả</text></form></lexical-unit>
<sense id="na_s1"><gloss lang="vi"><text>ruộng</text></gloss><gloss lang="en"><text>paddy field</text></gloss></sense>
</entry>
</lift>
'''


def prepare(data_dir):
    banso = sys.argv[sys.argv.index('--banso') + 1]
    cli = os.path.join(os.path.dirname(os.path.abspath(banso)), 'cli', 'banso-cli')
    work = os.path.join(data_dir, '..', 'lift')
    os.makedirs(os.path.join(work, 'audio'), exist_ok=True)
    subprocess.run(['gst-launch-1.0', '-q', 'audiotestsrc', 'num-buffers=130', 'freq=440', '!',
                    'audioconvert', '!', 'vorbisenc', '!', 'oggmux', '!', 'filesink',
                    'location=' + os.path.join(work, 'audio', 'kau.ogg')],
                   check=True, timeout=60)
    path = os.path.join(work, 'thai.lift')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(LIFT)
    for lift in (path, os.path.join(SHARED, 'lotud', 'Lotud.lift')):
        subprocess.run([cli, '--data-dir', data_dir, 'dict', 'import', lift], check=True,
                       timeout=120)


def click_key(app, panel, search, label):
    """Clicks the key of label, with Shift first when it is on the shifted level."""
    def button():
        return find(panel, 'push button', pred=lambda a: name(a) == label)
    if button() is None:
        click(app.wait_find(panel, 'push button', 'Shift'))
    before = text(search)
    click(app.wait(button, 'the key "%s"' % label))
    app.wait(lambda: text(search) != before, 'the key "%s" to type' % label)


def results(main):
    lst = find(main, 'list', 'Results')
    if lst is None:
        return []
    return [c for c in children(lst) if role(c) == 'list item']


def steps(app, data_dir, shots):
    log('1. the Dictionary section')
    main = app.window('Banso', timeout=60)
    choose_section(app, main, 'Dictionary')
    search = app.wait_find(main, 'entry', 'Look up')

    log('2. a headword typed without its marks is found first')
    set_text(search, 'kau')
    first = app.wait(lambda: results(main) and name(results(main)[0]).startswith('\uaab9\uaa80\uaab7'),
                     'the entry "kâu" first in the results')
    screenshot(os.path.join(shots, 'dictionary-search.png'))

    log('2b. the same word typed in Tai Viet on the on-screen keyboard, in spoken order')
    set_text(search, '')
    app.focus_window('Banso')
    key('ctrl+shift+k')
    panel = app.wait_find(main, pred=lambda a: name(a) == 'On-screen Keyboard' and
                          role(a) not in ('push button', 'toggle button'),
                          what='the on-screen keyboard')
    for label in ('ꪀ', 'ꪹ', '◌ꪷ'):
        click_key(app, panel, search, label)
    app.wait(lambda: text(search) == '\uaab9\uaa80\uaab7',
             'the search to hold ꪹꪀꪷ, the vowel before the consonant')
    app.wait(lambda: results(main) and name(results(main)[0]).startswith('\uaab9\uaa80\uaab7'),
             'the entry "kâu" first for the word typed on the keyboard')
    screenshot(os.path.join(shots, 'dictionary-keyboard.png'))
    app.focus_window('Banso')
    key('ctrl+shift+k')

    log('3. the entry opens beside the results')
    lst = find(main, 'list', 'Results')
    if not Atspi.Selection.select_child(lst, 0):
        raise UIError('could not select the first result')
    app.wait(lambda: 'Cây lúa trồng ở ruộng nước.' in label_texts(main),
             'the definition of the entry on the right')
    app.wait(lambda: 'kâu nả' in label_texts(main), 'the example of the entry')

    log('4. the pronunciation plays through GStreamer')
    play = app.wait_find(main, 'push button', 'Play the pronunciation')
    do_action(play)
    app.wait(lambda: find(main, 'push button', 'Stop the pronunciation'),
             'the button to say Stop while the recording plays')
    screenshot(os.path.join(shots, 'dictionary-entry.png'))
    app.wait(lambda: find(main, 'push button', 'Play the pronunciation'),
             'the button to say Play again once the recording ended', timeout=30)
    for b in find_all(main, 'push button', 'Play the pronunciation'):
        if 'Cannot play' in (b.get_description() or ''):
            raise UIError('the recording was not played: %s' % b.get_description())

    log('5. reverse lookup: a Vietnamese gloss finds the entry')
    set_text(search, 'ruong')
    app.wait(lambda: [r for r in results(main) if name(r).startswith('nả')],
             'the entry "nả" (ruộng) for "ruong"')

    log('6. a misspelt word offers the nearest headwords')
    set_text(search, 'kaux')
    app.wait(lambda: 'No Matches' in label_texts(main), 'the page "No Matches"')
    app.wait(lambda: find(main, 'push button', pred=lambda a: name(a).startswith('\uaab9\uaa80\uaab7')),
             'a suggestion "kâu" under "Did you mean…"')
    screenshot(os.path.join(shots, 'dictionary-suggestions.png'))

    log('7. a favourite is kept, and shown when the search is empty')
    set_text(search, 'kau')
    app.wait(lambda: results(main), 'the results for "kau" again')
    if not Atspi.Selection.select_child(find(main, 'list', 'Results'), 0):
        raise UIError('could not select the first result')
    favourite = app.wait_find(main, 'push button', 'Favourite')
    do_action(favourite)
    set_text(search, '')
    favourites = app.wait_find(main, 'list', 'Favourites')
    app.wait(lambda: [c for c in children(favourites) if name(c).startswith('\uaab9\uaa80\uaab7')],
             'the entry in Favourites')
    recent = app.wait_find(main, 'list', 'Recently Looked Up')
    app.wait(lambda: len(children(recent)) >= 1, 'the entries looked up under "Recently Looked Up"')
    screenshot(os.path.join(shots, 'dictionary-start.png'))

    log('8. the entry form: letters of the wrong script are refused, a change is saved')
    do_action(app.wait_find(main, 'push button', pred=lambda a: name(a) == 'Edit',
                            what='the Edit button of the entry'))
    form = app.window('Edit Entry')
    save = app.wait_find(form, 'push button', 'Save')
    tavt = app.wait_find(form, 'text', 'Thái (Tai Viet script)')
    set_text(tavt, 'kau')
    app.wait(lambda: not sensitive(save) and
             description(save).startswith('Thái (Tai Viet script): '),
             'Save to be off, naming the Tai Viet field')
    screenshot(os.path.join(shots, 'dictionary-form-refused.png'))
    set_text(tavt, '\uaab9\uaa80\uaab7')
    gloss = app.wait_find(form, 'text', 'Gloss in Vietnamese')
    set_text(gloss, 'cây lúa')
    app.wait(lambda: sensitive(save), 'Save to be on again')
    do_action(save)
    app.wait(lambda: app.find_window('Edit Entry') is None, 'the form to close once saved')
    app.wait(lambda: 'cây lúa' in label_texts(main), 'the new gloss in the entry')

    log('9. close the window')
    app.quit()


if __name__ == '__main__':
    sys.exit(run('test-dictionary', steps, prepare=prepare))
