#!/usr/bin/env python3
"""The CDNOW order history (69,659 purchases by 23,570 customers, 1997-98), as shipped inside the
`lifetimes` wheel on PyPI, converted to the simulation's CSV in the order the file comes (grouped
by customer) and sorted by date: target/cdnow/by-customer.csv and target/cdnow/by-date.csv.

The data's licence is unclear, so it is fetched, never committed. Idempotent: a second run finds
the files and does nothing. Each purchase is one line of one unit at its dollar value, so that the
file's total (2,500,315.63) is what the simulation is paid plus its discounts.
"""
import csv
import glob
import io
import os
import subprocess
import sys
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(ROOT, 'target', 'cdnow')
WHEEL = 'lifetimes==0.11.3'


def main():
    by_customer = os.path.join(OUT, 'by-customer.csv')
    by_date = os.path.join(OUT, 'by-date.csv')
    if os.path.exists(by_customer) and os.path.exists(by_date):
        return
    os.makedirs(OUT, exist_ok=True)
    wheels = glob.glob(os.path.join(OUT, 'Lifetimes-*.whl'))
    if not wheels:
        subprocess.run([sys.executable, '-m', 'pip', 'download', WHEEL, '--no-deps', '--quiet',
                        '--disable-pip-version-check', '-d', OUT], check=True)
        wheels = glob.glob(os.path.join(OUT, 'Lifetimes-*.whl'))
    text = zipfile.ZipFile(wheels[0]).read('lifetimes/datasets/CDNOW_master.txt').decode('ascii')
    rows = []
    for line in io.StringIO(text).read().splitlines()[1:]:
        fields = line.split()
        if len(fields) != 4:
            continue
        customer, day, _cds, value = fields
        rows.append((customer, f'{day[:4]}-{day[4:6]}-{day[6:]}', value))
    header = ['customer', 'date', 'sku', 'category', 'price', 'quantity']

    def write(path, ordered):
        with open(path + '.part', 'w', newline='') as out:
            writer = csv.writer(out)
            writer.writerow(header)
            for customer, day, value in ordered:
                writer.writerow([customer, day, 'CD', 'music', value, 1])
        os.replace(path + '.part', path)

    write(by_customer, rows)
    # A stable sort: one customer's purchases on one day stay together, as one order.
    write(by_date, sorted(rows, key=lambda row: row[1]))


if __name__ == '__main__':
    main()
