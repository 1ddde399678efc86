/// Word lists the synthetic corpus draws from: names with particles, hyphens and non-ASCII letters,
/// title words, journals, publishers and places.
enum Vocabulary {
  static let families = [
    "Smith", "Jones", "Williams", "Brown", "Taylor", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
    "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green",
    "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper",
    "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
    "Müller", "Schmidt", "Schröder", "Weiß", "Köhler", "Jäger", "Bäcker", "García", "Martínez",
    "López", "González", "Rodríguez", "Fernández", "Pérez", "Sánchez", "Gómez", "Núñez", "Muñoz",
    "Gonçalves", "Conceição", "Simões", "Azevedo", "Løkke", "Sørensen", "Ødegård", "Åberg",
    "Lindqvist", "Häkkinen", "Nieminen", "Dvořák", "Novák", "Černý", "Łukasiewicz", "Wójcik",
    "Kowalczyk", "Zieliński", "Szabó", "Tóth", "Kovačević", "Petrović", "Yılmaz", "Öztürk", "Çelik",
    "Nguyen", "Tran", "Le", "Pham", "Kim", "Park", "Choi", "Wang", "Li", "Zhang", "Liu", "Chen",
    "Yang", "Huang", "Zhao", "Wu", "Zhou", "Tanaka", "Suzuki", "Takahashi", "Watanabe", "Sato",
    "Singh", "Kumar", "Sharma", "Gupta", "Das", "Okafor", "Mensah", "Adeyemi", "Nakamura", "O'Brien",
    "O'Connor", "McDonald", "MacLeod", "Fitzgerald", "D'Angelo", "Rossi", "Russo", "Ferrari",
    "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Dubois", "Lefèvre", "Bernard",
    "Moreau", "Laurent", "Fournier", "Girard", "Mercier", "Bonnet", "François", "Ivanov", "Petrov",
    "Sokolov", "Popescu", "Ionescu", "Papadopoulos", "Georgiou", "Cohen", "Levi", "Haddad", "Khan",
    "Ahmed", "Hassan", "Ali", "Said", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
    "Jansen", "Visser", "Smit", "Bakker", "Janssens", "Peeters", "Maes", "Jacobs", "Mertens",
  ]

  /// Family names written with a particle (`van der Berg`, `de la Cruz`).
  static let particleFamilies = [
    ("van", "Gogh"), ("van der", "Berg"), ("van den", "Heuvel"), ("de", "Vries"), ("de la", "Cruz"),
    ("de", "Souza"), ("da", "Silva"), ("dos", "Santos"), ("von", "Neumann"), ("van", "Dijk"),
    ("di", "Stefano"), ("del", "Rio"), ("le", "Roux"), ("ter", "Horst"), ("van 't", "Hoff"),
  ]

  static let givens = [
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
    "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah",
    "Karen", "Anna", "Emma", "Olivia", "Sophie", "Lucy", "Hannah", "Grace", "Chloe", "Ella", "Amelia",
    "Jean-Paul", "Marie-Claire", "Jean-Luc", "Anne-Sophie", "Hans-Peter", "Karl-Heinz", "José",
    "María", "Zoë", "Chloé", "Björn", "Søren", "Åsa", "Jürgen", "Jörg", "Łukasz", "Stanisław",
    "Žofie", "Ýr", "Iñaki", "João", "Sebastián", "Raúl", "Inés", "François", "Hélène", "Noël",
    "Ömer", "Gülşen", "Wei", "Xiaoming", "Hiroshi", "Yuki", "Min-jun", "Seo-yeon", "Priya", "Arjun",
    "Chinedu", "Ngozi", "Kwame", "Ama", "Ahmed", "Fatima", "Omar", "Leila", "Dmitri", "Olga",
    "Aleksandr", "Ioana", "Nikolaos", "Eleni", "Pieter", "Maarten", "Sanne", "Lotte", "Sven", "Ingrid",
  ]

  static let organizations = [
    "World Health Organization", "National Institute for Health and Care Excellence",
    "Office for National Statistics", "Centers for Disease Control and Prevention",
    "Royal College of General Practitioners", "European Medicines Agency", "NHS England",
    "Public Health England", "Organisation for Economic Co-operation and Development",
    "United Nations Children's Fund",
  ]

  static let titleWords = [
    "analysis", "effect", "effects", "patients", "primary", "care", "randomised", "controlled", "trial",
    "cohort", "study", "risk", "factors", "outcomes", "treatment", "clinical", "evidence", "review",
    "systematic", "meta-analysis", "general", "practice", "quality", "improvement", "children",
    "adults", "older", "people", "mortality", "incidence", "prevalence", "association", "between",
    "and", "of", "in", "for", "with", "the", "a", "among", "after", "during", "national", "survey",
    "community", "hospital", "admissions", "diabetes", "hypertension", "asthma", "depression",
    "anxiety", "cancer", "screening", "vaccination", "antibiotic", "prescribing", "guidelines",
    "implementation", "cost-effectiveness", "qualitative", "interviews", "experiences", "barriers",
    "facilitators", "long-term", "follow-up", "intervention", "model", "prediction", "validation",
    "machine", "learning", "diagnostic", "accuracy", "emergency", "department", "rural", "urban",
    "health", "inequalities", "deprivation", "ethnicity", "sex", "differences", "trends", "England",
    "Europe", "Canada", "Australia", "COVID-19", "SARS-CoV-2", "BMI", "HbA1c", "café", "naïve",
    "über", "Ménière's", "Sjögren's", "Crohn's", "Alzheimer's", "Parkinson's",
  ]

  static let journals = [
    ("British Journal of General Practice", "Br J Gen Pract"), ("BMJ Open", "BMJ Open"),
    ("The Lancet", "Lancet"), ("New England Journal of Medicine", "N Engl J Med"),
    ("Journal of the American Medical Association", "JAMA"), ("Family Practice", "Fam Pract"),
    ("Annals of Family Medicine", "Ann Fam Med"), ("PLoS Medicine", "PLoS Med"),
    ("BMC Primary Care", "BMC Prim Care"),
    (
      "Scandinavian Journal of Primary Health Care",
      "Scand J Prim Health Care"
    ),
    ("European Journal of General Practice", "Eur J Gen Pract"),
    ("Journal of Clinical Epidemiology", "J Clin Epidemiol"), ("Diabetic Medicine", "Diabet Med"),
    ("Age and Ageing", "Age Ageing"), ("Thorax", "Thorax"), ("Heart", "Heart"),
    ("Archives of Disease in Childhood", "Arch Dis Child"), ("Journal of Public Health", "J Public Health"),
    ("International Journal of Epidemiology", "Int J Epidemiol"),
    (
      "Médecine et Maladies Infectieuses",
      "Med Mal Infect"
    ),
    ("Deutsches Ärzteblatt International", "Dtsch Arztebl Int"), ("Nature Medicine", "Nat Med"),
  ]

  static let publishers = [
    "Oxford University Press", "Cambridge University Press", "Elsevier", "Springer", "Wiley-Blackwell",
    "Routledge", "Sage", "CRC Press", "Radcliffe Publishing", "Palgrave Macmillan", "Éditions Masson",
    "Thieme", "Karger", "BMJ Books", "Churchill Livingstone",
  ]

  static let places = [
    "Oxford", "Cambridge", "London", "Edinburgh", "Manchester", "New York", "Boston", "Philadelphia",
    "Berlin", "Stuttgart", "Basel", "Paris", "Amsterdam", "Copenhagen", "Zürich", "Toronto", "Sydney",
  ]

  static let universities = [
    "University of Oxford", "University of Cambridge", "University College London",
    "University of Edinburgh", "University of Manchester", "Karolinska Institutet",
    "Universität Zürich", "Université de Montréal", "University of Toronto", "University of Sydney",
  ]

  static let degrees = ["PhD thesis", "MD thesis", "MSc dissertation", "DPhil thesis"]
}
