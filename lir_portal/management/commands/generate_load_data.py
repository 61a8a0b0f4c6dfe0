"""Fill a benchmark database with generated records: SCALE times the real data.

For `make bench SCALE=10`. Every generated record says in its text that it is
load data ("Lastdaten"), and the command refuses to run on a database that
looks like a live installation (user accounts or registrations) unless forced:
it is meant for the throw-away database of the benchmark.

Scaled are the kinds that grow with the portal's use: statements, papers,
hearings, seminars, registrations and their mails. The registry (396
municipalities, the committees of one term) does not grow with use and stays
as it is. Each kind gets SCALE times its real count, with at least
MINIMUM_PER_SCALE per unit of scale, so that the lists page and the search has
something to sift through even where the real data is young.
"""

import datetime
import itertools
import random

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from committees.models import Committee
from helpers.signals import content_changed
from municipalities.models import Municipality
from qualification.models import (
    Module,
    Notification,
    NotificationKind,
    Registration,
    RegistrationStatus,
    Seminar,
    SeminarSession,
    SeminarStatus,
    Volkshochschule,
)
from statements.models import Hearing, LandtagCommittee, Paper, PaperKind, Statement, Topic
from statements.search import update_paper_index, update_statement_index

MINIMUM_PER_SCALE = 25
MARK = "Lastdaten"
# Words of the portal's subject, for titles and texts the search can find.
WORDS = [
    "Integration",
    "Teilhabe",
    "Chancengerechtigkeit",
    "Einbürgerung",
    "Wahlrecht",
    "Bildung",
    "Sprache",
    "Arbeitsmarkt",
    "Anerkennung",
    "Berufsabschlüsse",
    "Diskriminierung",
    "Antirassismus",
    "Ehrenamt",
    "Migrantenselbstorganisationen",
    "Kommunen",
    "Integrationsräte",
    "Förderung",
    "Landesregierung",
    "Schule",
    "Ausbildung",
    "Gesundheit",
    "Wohnen",
    "Sport",
    "Kultur",
    "Religion",
    "Jugend",
    "Senioren",
    "Frauen",
    "Flucht",
    "Asyl",
    "Beratung",
    "Haushalt",
    "Gesetz",
    "Evaluation",
    "Beteiligung",
    "Demokratie",
    "Vielfalt",
]


def sentence(rng, count):
    return " ".join(rng.choice(WORDS) for _ in range(count))


class Command(BaseCommand):
    help = "Generate SCALE times the real statements, papers, hearings, seminars and registrations."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=10)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--force", action="store_true", help="Run even on a database with real use."
        )

    def handle(self, *args, scale, seed, force, **options):
        if scale < 2:
            raise CommandError("--scale must be at least 2 (1 is the real data alone).")
        if not force and (get_user_model().objects.exists() or Registration.objects.exists()):
            raise CommandError(
                "This database has user accounts or registrations: it looks like a live "
                "installation. Generate load data only into a throw-away database "
                "(or pass --force)."
            )
        # Repeatable load data from a seed; nothing here is a secret.
        rng = random.Random(seed)  # nosec B311
        with transaction.atomic():
            counts = self.generate(rng, scale)
        content_changed.send(sender=self.__class__)
        self.stdout.write(", ".join(f"{kind}: {count}" for kind, count in counts.items()))

    def target(self, model, scale):
        real = model.objects.count()
        return max(scale * real, scale * MINIMUM_PER_SCALE) - real

    def generate(self, rng, scale):
        papers = self.papers(rng, self.target(Paper, scale))
        hearings = self.hearings(rng, self.target(Hearing, scale), papers)
        statements = self.statements(rng, self.target(Statement, scale), papers, hearings)
        seminars = self.seminars(rng, self.target(Seminar, scale))
        registrations = self.registrations(rng, seminars)
        mails = self.mails(registrations)
        return {
            "papers": len(papers),
            "hearings": len(hearings),
            "statements": len(statements),
            "seminars": len(seminars),
            "registrations": len(registrations),
            "mails": len(mails),
        }

    def papers(self, rng, count):
        taken = set(Paper.objects.values_list("term", "number"))
        numbers = (
            (term, number)
            for term in (16, 17, 18)
            for number in range(20000, 30000)
            if (term, number) not in taken
        )
        kinds = [choice for choice, _label in PaperKind.choices]
        papers = [
            Paper(
                term=term,
                number=number,
                kind=rng.choice(kinds),
                title=f"{MARK}: {sentence(rng, 6)}",
                summary_de=sentence(rng, 40),
                date=datetime.date(2012 + term - 16, 1, 1)
                + datetime.timedelta(rng.randrange(1500)),
            )
            for term, number in itertools.islice(numbers, count)
        ]
        papers = Paper.objects.bulk_create(papers)
        topics = list(Topic.objects.all())
        for paper in papers:
            paper.topics.set(rng.sample(topics, k=min(2, len(topics))))
            update_paper_index(paper)
        return papers

    def hearings(self, rng, count, papers):
        committee = LandtagCommittee.objects.first()
        if committee is None:
            return []
        taken = set(Hearing.objects.filter(committee=committee).values_list("date", flat=True))
        dates = (
            datetime.date(2010, 1, 4) + datetime.timedelta(days=7 * week) for week in range(2000)
        )
        hearings = Hearing.objects.bulk_create(
            Hearing(committee=committee, date=day)
            for day in itertools.islice((d for d in dates if d not in taken), count)
        )
        for hearing in hearings:
            hearing.papers.set(rng.sample(papers, k=min(2, len(papers))))
        return hearings

    def statements(self, rng, count, papers, hearings):
        topics = list(Topic.objects.all())
        now = timezone.now()
        statements = Statement.objects.bulk_create(
            Statement(
                title_de=f"{MARK}: {sentence(rng, 7)}",
                slug=f"lastdaten-{number}",
                date=datetime.date(2012, 1, 1) + datetime.timedelta(rng.randrange(5000)),
                summary_de=sentence(rng, 30),
                body="".join(f"<p>{sentence(rng, 60)}</p>" for _ in range(6)),
                hearing=rng.choice(hearings) if hearings and rng.random() < 0.5 else None,
                status=Statement.Status.PUBLISHED,
                published_at=now,
            )
            for number in range(1, count + 1)
        )
        for statement in statements:
            statement.papers.set(rng.sample(papers, k=min(2, len(papers))))
            statement.topics.set(rng.sample(topics, k=min(2, len(topics))))
            update_statement_index(statement)
        return statements

    def seminars(self, rng, count):
        modules = list(Module.objects.all())
        if not modules:
            return []
        towns = list(
            Municipality.objects.filter(latitude__isnull=False).order_by("ags")[
                : max(count // 5, 1)
            ]
        )
        schools = [
            Volkshochschule.objects.get_or_create(
                slug=f"lastdaten-vhs-{town.slug}",
                defaults={
                    "name": f"{MARK}-VHS {town.name}",
                    "municipality": town,
                    "is_example": True,
                },
            )[0]
            for town in towns
        ]
        today = timezone.localdate()
        seminars = []
        sessions = []
        for number in range(1, count + 1):
            start = today + datetime.timedelta(days=rng.randrange(-200, 300))
            seminar = Seminar(
                module=rng.choice(modules),
                vhs=rng.choice(schools),
                course_number=f"{MARK}-{number}",
                venue=f"{MARK}: Raum {number}",
                capacity=rng.randrange(12, 30),
                registration_deadline=start - datetime.timedelta(days=3),
                status=SeminarStatus.OPEN,
                is_example=True,
            )
            seminars.append(seminar)
        seminars = Seminar.objects.bulk_create(seminars)
        for seminar in seminars:
            first = seminar.registration_deadline + datetime.timedelta(days=3)
            sessions += [
                SeminarSession(
                    seminar=seminar,
                    date=first + datetime.timedelta(days=7 * offset),
                    start_time=datetime.time(10, 0),
                    end_time=datetime.time(16, 0),
                )
                for offset in range(rng.randrange(1, 3))
            ]
        SeminarSession.objects.bulk_create(sessions)
        Seminar.objects.filter(pk__in=[seminar.pk for seminar in seminars]).refresh_dates()
        return seminars

    def registrations(self, rng, seminars):
        committees = list(Committee.objects.select_related("municipality")[:200])
        registrations = []
        for seminar in seminars:
            for number in range(rng.randrange(5, seminar.capacity)):
                committee = rng.choice(committees)
                registrations.append(
                    Registration(
                        seminar=seminar,
                        contact_name=f"{MARK} {seminar.pk}-{number}",
                        email=f"lastdaten-{seminar.pk}-{number}@example.org",
                        municipality=committee.municipality,
                        committee=committee,
                        membership="elected",
                        consent=True,
                        status=RegistrationStatus.CONFIRMED,
                        confirmed_at=timezone.now(),
                        token=f"lastdaten-{seminar.pk}-{number}",
                    )
                )
        return Registration.objects.bulk_create(registrations, batch_size=1000)

    def mails(self, registrations):
        now = timezone.now()
        mails = [
            Notification(registration=registration, kind=kind, sent_at=now, attempts=1)
            for registration in registrations
            for kind in (NotificationKind.CONFIRM_REQUEST, NotificationKind.CONFIRMED)
        ]
        return Notification.objects.bulk_create(mails, batch_size=1000)
