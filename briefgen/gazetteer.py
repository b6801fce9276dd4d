"""The actors briefgen recognises in articles before any brief names them: the list the
project keeps. Names from briefs/ are added to it when drafting. Aliases are matched as whole
words, case-sensitively (``IS`` is not ``is``)."""

from __future__ import annotations

KNOWN_ACTORS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    # id, name, kind, aliases
    ("united-states", "United States", "state",
     ("US", "U.S.", "U.S", "United States", "Washington", "the Americans", "American")),
    ("us-forces", "US forces", "armed-forces",
     ("U.S. forces", "US forces", "US troops", "U.S. troops", "American troops",
      "American forces", "US military", "U.S. military", "the American army", "Pentagon")),
    ("coalition", "US-led coalition", "coalition",
     ("US-led coalition", "U.S.-led coalition", "U.S-led coalition", "American-led coalition",
      "Operation Inherent Resolve", "CJTF-OIR", "Coalition")),
    ("islamic-state", "Islamic State", "armed-group",
     ("Islamic State", "ISIS", "ISIL", "IS", "Daesh")),
    ("pmf", "Popular Mobilisation Forces", "umbrella",
     ("Popular Mobilisation Forces", "Popular Mobilization Forces", "Popular Mobilization Units",
      "PMF", "PMU", "P.M.F.", "Hashd al-Shaabi", "al-Hashd al-Shaabi", "Hashd")),
    ("kss", "Kataib Sayyid al-Shuhada", "militia",
     ("Kataib Sayyid al-Shuhada", "Kata'ib Sayyid al-Shuhada", "Sayyid al-Shuhada Brigade",
      "Sayyid al-Shuhada", "K.S.S.", "KSS")),
    ("kataib-hezbollah", "Kataib Hezbollah", "militia",
     ("Kataib Hezbollah", "Kata'ib Hezbollah", "Kataib Hizbollah")),
    ("asaib-ahl-al-haq", "Asaib Ahl al-Haq", "militia", ("Asaib Ahl al-Haq", "AAH")),
    ("badr", "Badr Organisation", "militia", ("Badr Organisation", "Badr Organization")),
    ("irgc", "Islamic Revolutionary Guard Corps", "armed-forces",
     ("Islamic Revolutionary Guard Corps", "Islamic Revolution Guards Corps",
      "Revolutionary Guards", "Revolutionary Guard", "IRGC", "I.R.G.C.")),
    ("iran", "Iran", "state", ("Iran", "Tehran")),
    ("iraq-government", "Iraqi government", "government",
     ("Iraqi government", "Baghdad", "Iraqi Prime Minister")),
    ("iraq-mod", "Iraqi defence ministry", "government",
     ("Iraqi Defence Ministry", "Iraqi Defense Ministry", "Iraqi defence ministry",
      "Iraqi defense ministry")),
    ("iraqi-army", "Iraqi army", "armed-forces",
     ("Iraqi army", "Iraqi military", "Joint Operations Command", "Iraqi security forces",
      "ISF")),
    ("syria-government", "Syrian government", "government",
     ("Syrian government", "Syrian regime", "Syrian Army", "Syrian army", "Damascus")),
    ("russia", "Russia", "state", ("Russia", "Russian forces", "Moscow")),
    ("israel", "Israel", "state", ("Israel", "Israeli")),
    ("tasnim", "Tasnim News Agency", "media", ("Tasnim News Agency", "Tasnim")),
    ("amaq", "Amaq", "media", ("Amaq",)),
    ("reuters", "Reuters", "media", ("Reuters",)),
    ("associated-press", "Associated Press", "media", ("Associated Press", "AP")),
)

KNOWN_PUBLISHERS: tuple[str, ...] = (
    "Reuters", "Associated Press", "AFP", "Agence France-Presse", "Al Jazeera", "Al Arabiya",
    "BBC", "Breitbart News", "Middle East Institute", "Bas News", "Rudaw", "Kurdistan 24",
    "The New York Times", "The Washington Post", "Voice of America", "Arab News", "The National",
    "Tasnim News Agency", "Fars News Agency", "Press TV", "Al-Monitor", "Long War Journal",
    "Los Angeles Times", "The Guardian", "The Times", "The Independent", "The Telegraph",
    "The Wall Street Journal", "Financial Times", "The Irish Times", "CNN", "NPR", "CBC News",
    "ABC News", "NBC News", "CBS News", "Sky News", "Deutsche Welle", "France 24", "RFE/RL",
    "Radio Free Europe/Radio Liberty", "Radio Free Asia", "The Hindu", "Dawn", "Haaretz",
    "The Times of Israel", "The Jerusalem Post", "Daily Star", "Anadolu Agency", "TRT World",
    "Chicago Tribune", "The Baltimore Sun", "The Christian Science Monitor",
)
"""Publishers recognised in an article's first lines or its closing note."""
