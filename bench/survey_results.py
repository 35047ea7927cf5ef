"""The survey's results pages at 2,000 answer sets: `make bench-survey` (or
`.venv/bin/python bench/survey_results.py`).

1. In the checkout's own database (migrated), makes a closed campaign with 20
   questions (4 single choice, 4 multiple choice, 4 scales, 4 numbers, 2 short
   and 2 long texts) and 2,000 submitted answer sets spread over the sectors,
   kinds and sizes, with bulk inserts (a few seconds).
2. Requests the public results page (cold: the cache cleared before each
   request, and warm) and the desk's results page in process through Django's
   test client, `--requests` times each, and prints the SQL query count and the
   median time of each (`--profile cold|warm|desk` prints where one page's
   time went).
3. Removes everything it made (campaign, answers, a staff account), also when
   interrupted.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativecities.settings")
os.environ.setdefault("CREATIVECITIES_LOCAL", "true")
# Rendering is what is measured: the page cache would answer every request after the first.
os.environ["DJANGO_PAGE_CACHE"] = "false"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.translation import override  # noqa: E402

from directory.models import Organisation, Sector, User  # noqa: E402
from survey.models import (  # noqa: E402
    Answer,
    AnswerChoice,
    AnswerSet,
    Campaign,
    Choice,
    Question,
    Section,
)

PROFILE_LINES = 45
SLUG = "bench-survey-results"
STAFF_EMAIL = "bench-survey@bench.creativecities.example"
KINDS = [
    *[Question.Kind.SINGLE] * 4,
    *[Question.Kind.MULTIPLE] * 4,
    *[Question.Kind.SCALE] * 4,
    *[Question.Kind.NUMBER] * 4,
    *[Question.Kind.SHORT_TEXT] * 2,
    *[Question.Kind.LONG_TEXT] * 2,
]


def clean_up() -> None:
    campaign = Campaign.objects.filter(slug=SLUG).first()
    if campaign is not None:
        AnswerChoice.objects.filter(answer__answer_set__campaign=campaign).delete()
        Answer.objects.filter(answer_set__campaign=campaign).delete()
        AnswerSet.objects.filter(campaign=campaign).delete()
        Choice.objects.filter(question__section__campaign=campaign).delete()
        Question.objects.filter(section__campaign=campaign).delete()
        campaign.delete()
    User.objects.filter(email=STAFF_EMAIL).delete()
    cache.clear()


def load(answer_sets: int) -> Campaign:
    generator = random.Random(11)
    now = timezone.now()
    campaign = Campaign.objects.create(
        slug=SLUG,
        title_it="Indagine di prova",
        title_en="Benchmark survey",
        opens_at=now - timezone.timedelta(days=90),
        closes_at=now - timezone.timedelta(days=1),
        results_status="published",
        results_published_at=now,
    )
    sections = [
        Section.objects.create(campaign=campaign, order=n, title_it=f"P{n}", title_en=f"P{n}")
        for n in range(4)
    ]
    questions = []
    for n, kind in enumerate(KINDS):
        question = Question.objects.create(
            section=sections[n % 4],
            order=n,
            kind=kind,
            text_it=f"Domanda {n + 1}",
            text_en=f"Question {n + 1}",
            required=False,
        )
        if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            Choice.objects.bulk_create(
                Choice(question=question, order=c, code=f"c{c}", label_it=f"S{c}", label_en=f"C{c}")
                for c in range(5)
            )
        questions.append(question)
    choices = {q.pk: list(q.choices.values_list("pk", flat=True)) for q in questions}
    sectors = list(Sector.objects.values_list("pk", flat=True))
    sets = AnswerSet.objects.bulk_create(
        AnswerSet(
            campaign=campaign,
            origin=AnswerSet.Origin.ANONYMOUS,
            status=AnswerSet.Status.SUBMITTED,
            submitted_at=now,
            sector_id=generator.choice(sectors),
            kind=generator.choice(Organisation.Kind.values),
            size=generator.choice(["", *Organisation.Size.values]),
        )
        for _ in range(answer_sets)
    )
    answers = []
    for answer_set in sets:
        for question in questions:
            kind = question.kind
            answer = Answer(answer_set=answer_set, question=question)
            if kind == Question.Kind.SINGLE:
                answer.choice_id = generator.choice(choices[question.pk])
            elif kind == Question.Kind.SCALE:
                answer.number = generator.randint(1, 5)
            elif kind == Question.Kind.NUMBER:
                answer.number = generator.randint(0, 250)
            elif kind != Question.Kind.MULTIPLE:
                answer.text = f"Answer {generator.randint(0, 10**6)}"
            answers.append(answer)
    Answer.objects.bulk_create(answers, batch_size=5000)
    ticks = [
        AnswerChoice(answer=answer, choice_id=choice)
        for answer in answers
        if answer.question.kind == Question.Kind.MULTIPLE
        for choice in generator.sample(choices[answer.question_id], generator.randint(1, 3))
    ]
    AnswerChoice.objects.bulk_create(ticks, batch_size=5000)
    # The planner's statistics, as autovacuum would have them on a server a
    # minute later: without them it plans the new rows' joins blind.
    with connection.cursor() as cursor:
        for model in (AnswerSet, Answer, AnswerChoice):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    return campaign


def measure(
    client: Client, url: str, requests: int, *, cold: bool, profile: bool = False
) -> tuple[int, float, float]:
    """The page's queries, and its median time and median CPU time (of this
    process: the database's is not counted) in milliseconds."""
    times, cpu, queries = [], [], 0
    profiler = cProfile.Profile(time.process_time) if profile else None
    for _ in range(requests):
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            if profiler:
                profiler.enable()
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url, secure=True, HTTP_HOST="127.0.0.1")
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            if profiler:
                profiler.disable()
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        queries = len(captured)
    if profiler:
        stats = pstats.Stats(profiler)
        stats.sort_stats(os.environ.get("BENCH_PROFILE_SORT", "cumulative"))
        stats.print_stats(PROFILE_LINES)
    return queries, statistics.median(times) * 1000, statistics.median(cpu) * 1000


def pass_second_factor(client: Client, staff: User) -> None:
    """The desk's pages want a session that gave its second factor (required
    without DEBUG, as here): the bench's account gets an authenticator, and its
    session counts as having given the code. Removed with the account."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=staff, name="Bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answer-sets", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=7)
    parser.add_argument(
        "--profile",
        choices=["cold", "warm", "desk"],
        help="print where one page's time went (cProfile, CPU time)",
    )
    options = parser.parse_args()
    clean_up()
    try:
        start = time.perf_counter()
        campaign = load(options.answer_sets)
        answers = Answer.objects.filter(answer_set__campaign=campaign).count()
        elapsed = time.perf_counter() - start
        print(f"loaded {options.answer_sets} answer sets, {answers} answers in {elapsed:.1f} s")
        staff = User.objects.create(email=STAFF_EMAIL, is_staff=True, is_superuser=True)
        client = Client()
        with override("en"):
            public = reverse("survey_results:public", kwargs={"slug": campaign.slug})
            desk = reverse("survey_results_admin:campaign", kwargs={"pk": campaign.pk})
        profile = options.profile
        rows = [
            (
                "public results, cold cache",
                *measure(client, public, options.requests, cold=True, profile=profile == "cold"),
            ),
            (
                "public results, warm cache",
                *measure(client, public, options.requests, cold=False, profile=profile == "warm"),
            ),
        ]
        client.force_login(staff)
        pass_second_factor(client, staff)
        rows.append(
            (
                "desk results page",
                *measure(client, desk, options.requests, cold=True, profile=profile == "desk"),
            )
        )
        print(f"load average {', '.join(f'{value:.2f}' for value in os.getloadavg())}")
        print(f"{'page':<30} {'queries':>8} {'median':>10} {'CPU':>10}")
        for name, queries, median, cpu in rows:
            print(f"{name:<30} {queries:>8} {median:>7.1f} ms {cpu:>7.1f} ms")
    finally:
        clean_up()


if __name__ == "__main__":
    main()
