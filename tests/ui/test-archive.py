#!/usr/bin/python3
# test-archive.py: the Archive section, driven from outside through the accessibility tree.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Before the app starts, banso-cli (BANSO_CLI) adds a clip made by gst-launch-1.0 with a
# Vietnamese and a Thái WebVTT beside it, and a photo. Then: the Archive section lists both;
# the clip opens in its player and the subtitle of the moment shows over the video, with
# the speaker's name; the transcript opens and a click on its second line goes there; the
# Thái track can be chosen; presentation mode shows the title card, Page Down plays the clip
# with its subtitles, Esc leaves. Screenshots of each step.
#
# Run by run-ui-test.sh (Xvfb, a D-Bus session, the accessibility bus):
#   test-archive.py --banso BANSO --data-dir DIR --screenshots DIR

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bansoui import (UIError, children, choose_section, click, do_action, find,  # noqa: E402
                     find_all, key, label_texts, log, name, role, run, screenshot, text)

TITLE = 'Xòe Thái Mường Lò'
PHOTO = 'Khăn piêu'
VI = ['<v Lò Thị Xuân>Chào mừng <i>bản</i> mới', '<b>Múa xòe</b> vòng tròn']
TAI = ['<v Lò Thị Xuân>Khắp xòe', 'Xòe vòng']
SHOWN_VI = ['Lò Thị Xuân: Chào mừng bản mới', 'Múa xòe vòng tròn']


def vtt(cues):
    out = 'WEBVTT\n\n'
    for i, cue in enumerate(cues):
        out += '00:%02d.000 --> 00:%02d.000\n%s\n\n' % (i * 6, i * 6 + 6, cue)
    return out


def prepare(data_dir):
    cli = os.environ.get('BANSO_CLI')
    if not cli:
        raise UIError('BANSO_CLI is not set (meson sets it to banso-cli)')
    media = tempfile.mkdtemp()
    clip = os.path.join(media, 'xoe.webm')
    subprocess.run(['gst-launch-1.0', '-q', 'videotestsrc', 'num-buffers=120', 'pattern=smpte',
                    '!', 'video/x-raw,width=640,height=360,framerate=10/1', '!', 'vp8enc', '!',
                    'webmmux', '!', 'filesink', 'location=' + clip], check=True, timeout=60)
    with open(os.path.join(media, 'xoe.vi.vtt'), 'w') as f:
        f.write(vtt(VI))
    with open(os.path.join(media, 'xoe.tai.vtt'), 'w') as f:
        f.write(vtt(TAI))
    photo = os.path.join(media, 'khan.png')
    subprocess.run(['gst-launch-1.0', '-q', 'videotestsrc', 'num-buffers=1', 'pattern=ball', '!',
                    'video/x-raw,width=800,height=600', '!', 'pngenc', '!', 'filesink',
                    'location=' + photo], check=True, timeout=60)
    for path, title in ((clip, TITLE), (photo, PHOTO)):
        out = subprocess.run([cli, '--data-dir', data_dir, 'archive', 'add', path,
                              '--title', title, '--kind', 'festival'],
                             capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            raise UIError('banso-cli archive add failed: %s' % out.stderr)
    log('added "%s" with two tracks and "%s"' % (TITLE, PHOTO))


def labels_with(root, pred):
    return [t for t in label_texts(root) if t and pred(t)]


def steps(app, data_dir, shots):
    main = app.window('Banso')

    log('1. the Archive section shows both items')
    choose_section(app, main, 'Archive')
    app.wait(lambda: TITLE in label_texts(main) and PHOTO in label_texts(main),
             'the cards "%s" and "%s" in the grid' % (TITLE, PHOTO))
    time.sleep(1)
    screenshot(os.path.join(shots, 'archive-grid.png'))

    log('2. the clip opens and its subtitles show over the video')
    card = app.wait(lambda: find(main, 'label', TITLE), 'the card of "%s"' % TITLE)
    click(card)
    key('Return')
    player = app.window(TITLE)
    app.wait(lambda: SHOWN_VI[0] in label_texts(player),
             'the subtitle "%s" over the video' % SHOWN_VI[0])
    time.sleep(0.5)
    screenshot(os.path.join(shots, 'archive-player-subtitles.png'))

    log('3. the transcript opens; a click on its second line goes there')
    button = app.wait(lambda: find(player, pred=lambda a: 'button' in role(a)
                                   and 'Transcript' in name(a)), 'the Transcript button')
    do_action(button)
    transcript = app.wait(lambda: find(player, 'list', 'Transcript'), 'the transcript')
    rows = app.wait(lambda: [r for r in children(transcript) if role(r) == 'list item']
                    if len(children(transcript)) >= 2 else None, 'the transcript\'s lines')
    time.sleep(0.5)
    click(rows[1])
    app.wait(lambda: SHOWN_VI[1] in label_texts(player),
             'the subtitle "%s" after the click on the second line' % SHOWN_VI[1])
    time.sleep(0.5)
    screenshot(os.path.join(shots, 'archive-player-transcript.png'))

    log('4. the player closes with Escape')
    app.focus_window(TITLE)
    key('Escape')
    app.wait(lambda: app.find_window(TITLE) is None, 'the player to close')

    log('5. presentation mode: the title card, Page Down plays, Esc leaves')
    present = app.wait(lambda: find(main, 'push button', 'Present'), 'the Present button')
    do_action(present)
    show = app.window('Presentation')
    app.wait(lambda: TITLE in label_texts(show) or PHOTO in label_texts(show),
             'a title card')
    time.sleep(0.5)
    screenshot(os.path.join(shots, 'archive-presentation-card.png'))
    app.focus_window('Presentation')
    # The grid is by title: the photo ("Khăn piêu") first, then the clip.
    key('Page_Down')
    time.sleep(0.5)
    key('Page_Down')
    app.wait(lambda: TITLE in label_texts(show), 'the title card of "%s"' % TITLE)
    key('Page_Down')
    app.wait(lambda: any('Khắp xòe' in t for t in label_texts(show)),
             'the Thái subtitle over the clip in the presentation')
    time.sleep(0.5)
    screenshot(os.path.join(shots, 'archive-presentation-play.png'))
    key('Escape')
    app.wait(lambda: app.find_window('Presentation') is None, 'Esc to leave the presentation')

    app.quit()


if __name__ == '__main__':
    sys.exit(run('archive', steps, prepare))
