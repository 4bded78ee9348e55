"""The sample week of the review tests (test_review_sample.py): the commands that build it,
what came of two helps, and the week as `net review` prints it in text and in Markdown.

The sample week is built through the CLI (Thursday 2025-06-19, the week of
Monday 2025-06-16). No command records what came of a help yet, so the two
outcomes are written through the store, as such a command would.
"""

# The review writes each week with an en dash between its days, as typeset.
# ruff: noqa: RUF001

from __future__ import annotations

SAMPLE: tuple[tuple[str, ...], ...] = (
    ("add", "Ana Ruiz", "--circle", "close", "--met", "2024-01-01"),
    ("add", "Tom Baker", "--circle", "friends", "--birthday", "06-28", "--met", "2024-03-01"),
    ("add", "Mei Chen", "--circle", "core", "--met", "2023-05-01"),
    ("add", "Sam Okafor", "--circle", "network", "--met", "2022-01-01"),
    ("add", "Lia Wong", "--circle", "acquaintance", "--birthday", "1990-06-23", "--met", "2025-01-10"),
    ("log", "ana", "coffee", "--on", "2025-05-05"),
    ("log", "mei", "tom", "dinner", "--on", "2025-06-16", "--note", "Mei's new flat"),
    ("log", "ana", "call", "--them", "--on", "2025-06-18", "--note", "her new job"),
    ("log", "sam", "like", "--them"),
    ("helped", "tom", "intro to Sam", "--kind", "intro", "--on", "2025-06-17"),  # help 1
    ("helped", "sam", "sent the pricing article", "--kind", "resource", "--on", "2025-06-02"),  # help 2
    ("helped", "mei", "reviewed her portfolio", "--kind", "favor", "--on", "2025-04-14"),  # help 3
    ("promise", "mei", "lend the pottery book", "--on", "2025-06-01"),  # loop 1
    ("promise", "ana", "intro to a designer", "--on", "2025-06-18"),  # loop 2
    ("need", "tom", "a flat in Lisbon", "--on", "2025-06-10"),  # loop 3
    ("promise", "sam", "send the slides", "--on", "2025-06-05"),  # loop 4, kept today
    ("done", "4"),
)
OUTCOMES = (
    (1, "they met for lunch", "2025-06-18"),  # this week's help, and what came of it
    (3, "she got the commission", "2025-06-17"),  # an April help that bore fruit this week
)


TEXT = """\
Weekly review: 16–22 June 2025
The week so far, up to Thursday 19 June 2025.

What you gave
  Tue 17 Jun  Tom Baker: intro to Sam (intro)
              What came of it: they met for lunch (Wed 18 Jun)
  3 helps in the last 12 weeks (since 31 Mar), for 3 people.

What came back
  Tue 17 Jun  What came of your help for Mei Chen (reviewed her portfolio): she
              got the commission
              A short note to hear how it is going?
  Wed 18 Jun  Ana Ruiz reached out (call): her new job
              A short message to say thanks for the call?
  Thu 19 Jun  Sam Okafor reached out (like)
              A friendly wave back?

Promises still open
  Your promises:
    Mei Chen: lend the pottery book (made 2 weeks ago)
    Ana Ruiz: intro to a designer (made yesterday)
  Needs you noted:
    Tom Baker: a flat in Lisbon (noted 9 days ago)

A few people for next week
  Mei Chen: You offered to help (lend the pottery book). A small help?
  Ana Ruiz: You offered to help (intro to a designer). A small help?
  Lia Wong: Birthday in 4 days. A short message?

Your week in numbers
  4 interactions with 4 people: 1 meeting, 1 call, 1 help, 1 reaction.
  Touches by circle: core 1, close 1, friends 2, network 1.
  Energy: 4 of 10 used.
  Your circles ask for about 3 a week and your week holds 10.
  Lately you used about 0 a week (the median of the last 8 full weeks).

  Touches by circle, last 12 weeks
  31 Mar  -
   7 Apr  -
  14 Apr  █ 1
  21 Apr  -
  28 Apr  -
   5 May  ▓ 1
  12 May  -
  19 May  -
  26 May  -
   2 Jun  ░ 1
   9 Jun  -
  16 Jun  █▓▒▒░ 5
          █ core  ▓ close  ▒ friends  ░ network  · acquaintance

Birthdays and dates next week
  Mon 23 Jun  Lia Wong: birthday
  Sat 28 Jun  Tom Baker: birthday
"""
MARKDOWN = """\
# Weekly review: 16–22 June 2025

The week so far, up to Thursday 19 June 2025.

## What you gave

| day | who | what | kind | what came of it |
|---|---|---|---|---|
| Tue 17 Jun | Tom Baker | intro to Sam | intro | they met for lunch (Wed 18 Jun) |

3 helps in the last 12 weeks (since 31 Mar), for 3 people.

## What came back

| day | what | a thank-you idea |
|---|---|---|
| Tue 17 Jun | What came of your help for Mei Chen (reviewed her portfolio): she got the commission | A short note to hear how it is going? |
| Wed 18 Jun | Ana Ruiz reached out (call): her new job | A short message to say thanks for the call? |
| Thu 19 Jun | Sam Okafor reached out (like) | A friendly wave back? |

## Promises still open

### Your promises

| who | what | made | how long ago |
|---|---|---|---|
| Mei Chen | lend the pottery book | 2025-06-01 | 2 weeks ago |
| Ana Ruiz | intro to a designer | 2025-06-18 | yesterday |

### Needs you noted

| who | what | noted | how long ago |
|---|---|---|---|
| Tom Baker | a flat in Lisbon | 2025-06-10 | 9 days ago |

## A few people for next week

- Mei Chen: You offered to help (lend the pottery book). A small help?
- Ana Ruiz: You offered to help (intro to a designer). A small help?
- Lia Wong: Birthday in 4 days. A short message?

## Your week in numbers

4 interactions with 4 people: 1 meeting, 1 call, 1 help, 1 reaction.

Energy: 4 of 10 used.

Your circles ask for about 3 a week and your week holds 10. Lately you used about 0 a week (the median of the last 8 full weeks).

| kind | count |
|---|---:|
| meet | 1 |
| call | 1 |
| help | 1 |
| react | 1 |

| circle | touches |
|---|---:|
| core | 1 |
| close | 1 |
| friends | 2 |
| network | 1 |

### Touches by circle, last 12 weeks

| week of | core | close | friends | network | acquaintance | all |
|---|---:|---:|---:|---:|---:|---:|
| 31 Mar | 0 | 0 | 0 | 0 | 0 | 0 |
| 7 Apr | 0 | 0 | 0 | 0 | 0 | 0 |
| 14 Apr | 1 | 0 | 0 | 0 | 0 | 1 |
| 21 Apr | 0 | 0 | 0 | 0 | 0 | 0 |
| 28 Apr | 0 | 0 | 0 | 0 | 0 | 0 |
| 5 May | 0 | 1 | 0 | 0 | 0 | 1 |
| 12 May | 0 | 0 | 0 | 0 | 0 | 0 |
| 19 May | 0 | 0 | 0 | 0 | 0 | 0 |
| 26 May | 0 | 0 | 0 | 0 | 0 | 0 |
| 2 Jun | 0 | 0 | 0 | 1 | 0 | 1 |
| 9 Jun | 0 | 0 | 0 | 0 | 0 | 0 |
| 16 Jun | 1 | 1 | 2 | 1 | 0 | 5 |

## Birthdays and dates next week

| day | who | what |
|---|---|---|
| Mon 23 Jun | Lia Wong | birthday |
| Sat 28 Jun | Tom Baker | birthday |
"""  # noqa: E501
