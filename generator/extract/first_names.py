"""Common first names by the gender they usually signal, for resolving 'he' and 'she'.

A name that is not listed, or a surname alone, has no gender: resolution then falls back to the
latest person regardless. The lists favour names frequent in English-language news, with the common Arabic, Hebrew,
Persian, Turkish and European names of international reporting (in their usual transliterations).
"""

FEMALE = frozenset(
    """
    Abigail Ada Adrienne Aisha Alexandra Alexis Alice Alicia Alison Allison Amanda Amber Amy Ana Andrea
    Angela Angelina Anita Ann Anna Anne Annette Antonia April Ashley Audrey Ayanna Barbara Beatrice Becky
    Belinda Beth Betsy Betty Beverly Bonnie Brenda Bridget Brigid Brittany Brooke Camila Candace Carla
    Carly Carmen Carol Caroline Carolyn Cassandra Catherine Cathy Cecelia Cecilia Celia Charlotte Chelsea
    Cheryl Chloe Christina Christine Cindy Claire Clara Claudia Colleen Connie Courtney Cynthia Daisy
    Dana Danielle Dawn Debbie Deborah Debra Denise Diana Diane Donna Doris Dorothy Edith Eileen Elaine
    Eleanor Elena Elise Elizabeth Ella Ellen Elaine Emily Emma Erica Erin Esther Eva Evelyn Faith Fatima
    Felicia Fiona Frances Gabriela Gabrielle Gail Gina Gloria Grace Gretchen Hailey Hannah Harriet Hayley
    Heather Heidi Helen Hillary Holly Hope Ilhan Irene Iris Isabel Isabella Ivanka Jackie Jacqueline Jane
    Janet Janice Jasmine Jean Jeanne Jennifer Jenny Jessica Jill Jo Joan Joanna Jocelyn Jodi Johanna Joni
    Josephine Joy Joyce Judith Judy Julia Julie June Justine Kamala Karen Kate Katherine Kathleen Kathryn
    Kathy Katie Katrina Kay Kayla Kelly Kellyanne Kerry Kimberly Kirsten Krista Kristen Kristin Laura
    Lauren Leah Leila Lena Leslie Lillian Linda Lisa Liz Lois Loretta Lori Louise Lucy Lydia Lynn Madeleine
    Madison Maggie Mara Margaret Maria Marie Marilyn Marion Marsha Martha Mary Maxine Megan Melania Melanie
    Melissa Meredith Mia Michele Michelle Mildred Mindy Miriam Molly Monica Nadia Nancy Naomi Natalie
    Natasha Nicole Nikki Nina Nora Olivia Paige Pamela Patricia Patty Paula Pauline Peggy Penny Phyllis
    Priscilla Rachel Rebecca Regina Renee Rhonda Rita Roberta Robin Rosa Rose Rosemary Ruth Sabrina Sally
    Samantha Sandra Sara Sarah Sharon Sheila Shelley Sherry Shirley Sofia Sonia Sophia Stacey Stephanie
    Susan Susana Suzanne Sylvia Tamara Tammy Tanya Teresa Theresa Tiffany Tina Tracy Tulsi Valerie Vanessa
    Veronica Victoria Virginia Wendy Whitney Yolanda Yvonne Zoe
        Abeer Afaf Aliza Amal Amira Amina Anat Asma Aya Ayelet Batya Dalia Dina Doaa Eden Efrat Einav
    Fadwa Farah Fatma Ghada Hadas Hagar Haifa Hala Hanan Hanin Hiba Hind Huda Iman Inbal Lamia Lana
    Layla Leila Liat Lina Maha Malak Manal Maryam Mariam Maya Merav Michal Mira Miri Mona Naama Nada Nadia
    Najwa Nawal Nisreen Noa Noor Nour Ofra Orly Orit Rachel Rana Rania Rasha Reem Rim Rivka Ronit Ruth Sahar
    Salma Samar Samira Sara Sarah Shira Shiri Shoshana Sigal Suha Tamar Tova Wafa Yael Yasmin
    Yasmine Zahra Zainab Zeinab Ziva Noura Ilana Galit Keren Limor Adi Hila Karin Roni
    Giulia Francesca Chiara Marta Ines Ursula Annalena Angela Kaja Roberta Giorgia Agnes Mette Sigrid Ingrid Leyla
    Nilufar Fariba Shirin Mahsa Elif Zeynep Ayse Emine Hatice Olena Yulia Irina Natalia Svetlana Olga
""".split()
)

MALE = frozenset(
    """
    Aaron Abdul Abraham Adam Adrian Ahmed Al Alan Albert Alberto Alex Alexander Alfred Ali Allen Andre
    Andrew Andy Angel Anthony Antonio Antony Arnold Arthur Ashton Barack Barry Ben Benjamin Bernard Bernie
    Bill Billy Bob Bobby Brad Bradley Brandon Brent Brett Brian Bruce Bryan Byron Calvin Carl Carlos Chad
    Charles Charlie Chris Christian Christopher Chuck Clarence Clark Clifford Clint Cole Colin Corey Cory
    Craig Curtis Dale Dan Daniel Danny Darrell Dave David Dean Dennis Derek Devin Dick Dimitri Don Donald
    Doug Douglas Duane Dustin Dwight Earl Ed Eddie Edward Elijah Eliot Elliott Emmanuel Eric Erik Ernest
    Eugene Evan Felix Fernando Francis Francisco Frank Fred Frederick Gabriel Gary Gavin Gene Geoffrey
    George Gerald Gilbert Glenn Gordon Grant Greg Gregory Harold Harry Harvey Hassan Hector Henry Herbert
    Howard Hugh Hunter Ian Ibrahim Isaac Ivan Jack Jacob Jake James Jamie Jared Jason Javier Jay Jeb Jeff
    Jeffrey Jeremy Jerome Jerry Jesse Jim Jimmy Joe Joel John Johnny Jon Jonathan Jorge Jose Joseph Josh
    Joshua Juan Julian Justin Karl Keith Ken Kenneth Kevin Kurt Kyle Lamar Lance Larry Lawrence Lee Leo
    Leon Leonard Lewis Lindsey Lloyd Louis Luis Luke Malcolm Manuel Marco Marcus Mario Mark Marshall Martin
    Marty Marvin Matt Matthew Max Michael Miguel Mike Mitch Mitt Mohammed Muhammad Nathan Neil Nicholas
    Nick Noah Norman Oliver Omar Oscar Patrick Paul Pedro Pete Peter Phil Philip Phillip Ralph Randy Ray
    Raymond Reince Ricardo Richard Rick Ricky Rob Robert Roberto Rod Rodney Roger Roland Ron Ronald Ross
    Roy Rudy Russell Ryan Sam Samuel Scott Sean Sergei Seth Shawn Sidney Simon Stanley Stephen Steve Steven
    Stuart Ted Terry Thomas Tim Timothy Todd Tom Tommy Tony Travis Trent Troy Tyler Vernon Victor Vincent
    Vladimir Walter Warren Wayne Wesley Will William Willie Xavier Yahya Zachary
        Abbas Abdallah Abdel Abdelaziz Abdulaziz Abdullah Abdulrahman Abed Abu Adel Adnan Ahmad Akram Alaa
    Amir Amit Amjad Amos Anwar Ariel Arie Aryeh Asher Avi Avigdor Aviv Ayman Bassam Bassem
    Boaz Dor Doron Eitan Ehud Elad Eli Eliezer Eyal Fadi Faisal Fawzi Gadi Gal Gideon Gilad
    Haim Hamad Hamza Hani Hatem Hazem Hussein Ilan Isaac Ismail Itamar Jamal Jibril
    Kamal Karim Khaled Khalid Khalil Mahmoud Majed Majid Marwan Meir Menachem Mohamed Mohammad Mohammad
    Mordechai Moshe Mostafa Moussa Mustafa Naftali Nasser Nimrod Nir Nizar Ofer Omer Oren Osama Reuven
    Rami Rashid Raed Riyad Riyadh Saeed Salah Saleh Salim Sameh Sami Samir Shaul Shimon Shlomo
    Sufian Tamim Tareq Tarek Tariq Uri Walid Yair Yaakov Yakov Yasser Yehuda Yigal Yitzhak Yoav
    Yossi Youssef Yousef Yusuf Zeev Ze'ev Ziad Zvi Andrey Andrei Emmanuel François Jean-Yves
    Olaf Friedrich Wolfgang Recep Tayyip Hakan Mevlüt Ebrahim Hossein Abbas Masoud Mojtaba Ali-Akbar
    Volker Josep Pedro Jens Rishi Keir Boris Emmanuel Volodymyr Dmitry Sergey Antonio António
    Jose José Luiz Inacio Inácio Narendra Xi Jake Lloyd Antony Marwan Isaac Benny
    Gadi Itamar Daniel Mahmud Tony Joe Lindsey Rafael Leo Amos Shaul
""".split()
)

# Names borne by women and men alike: they tell nothing ("Terry Strada", "Kelly Ayotte", "Robin Wright").
AMBIGUOUS = frozenset("Terry Kerry Kelly Leslie Dana Robin Jean Lynn Jamie Marion Sidney Jo Kay Tracy Lindsey".split())


def first_name_gender(name: str) -> str | None:
    """'m', 'f' or None, from the first word of a full name."""
    for first in name.split()[:-1]:  # "New Mitt Romney": the first word that is a first name
        if first in AMBIGUOUS:
            return None
        if first in FEMALE or first in MALE:
            return "f" if first in FEMALE else "m"
    return None
